package org.offops.testkit.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lays out a test host's directory (keys, authorized_keys, config), starts {@code sshd -D -e} and waits for it. */
final class SshdLauncher {

    private static final String SSHD = "/usr/sbin/sshd";

    private SshdLauncher() {
    }

    static SshTestHost launch(SshdSetup setup) throws IOException {
        boolean ownsDirectory = setup.directory() == null;
        Path dir = ownsDirectory ? Files.createTempDirectory("offops-sshd-") : Files.createDirectories(setup.directory());
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        if (!Files.exists(hostKey)) {
            SshKeys.generateEd25519(hostKey, "offops-test-host");
        }
        ClientKey clientKey = setup.clientKey() != null ? setup.clientKey()
                : ClientKey.reuseOrGenerate(dir.resolve("client"));
        Path authorizedKeys = Files.writeString(dir.resolve("authorized_keys"), clientKey.authorizedKeyLine() + "\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        int port = setup.port() != 0 ? setup.port() : freePort(setup.address());
        Path config = SshdConfigFile.write(dir, setup.address(), port, hostKey, authorizedKeys, home,
                setup.extraConfig());
        // sshd's privilege separation directory; Debian creates it only via systemd
        Files.createDirectories(Path.of("/run/sshd"));

        List<String> command = new ArrayList<>(setup.launchPrefix());
        command.addAll(List.of(SSHD, "-D", "-e", "-f", config.toString()));
        Path log = dir.resolve("sshd.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String fingerprint = SshKeys.sha256Fingerprint(Path.of(hostKey + ".pub"));
        SshTestHost.Login login = new SshTestHost.Login(setup.address(), port, "root", fingerprint,
                clientKey.privateKey());
        SshTestHost host = new SshTestHost(process, login, dir, ownsDirectory);
        awaitListening(host, process, log, logStart);
        return host;
    }

    private static void awaitListening(SshTestHost host, Process process, Path log, long logStart) throws IOException {
        String where = host.address() + ":" + host.port();
        String listening = "Server listening on " + host.address() + " port " + host.port() + ".";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd on " + where + " exited " + process.exitValue() + ": " + Files.readString(log));
            }
            // a restart in the same directory appends to the log: only this run's lines count
            if (Files.readString(log).substring((int) logStart).contains(listening)) {
                return;
            }
            SshdProcesses.pause(10);
        }
        host.stop();
        throw new IOException("sshd on " + where + " did not listen within 10 s: " + Files.readString(log));
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        }
    }
}
