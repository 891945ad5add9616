package org.offops.testkit.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders the sshd_config of a test host: key-only root login, no PAM, no pid file, a minimal login environment. */
final class SshdConfigFile {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private SshdConfigFile() {
    }

    static Path write(Path dir, String address, int port, Path hostKey, Path authorizedKeys, Path home,
                      List<String> extraConfig) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "ListenAddress " + address + ":" + port,
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PidFile none",
                "PermitRootLogin prohibit-password",
                // the test directory lives under /tmp (mode 1777), which StrictModes would reject
                "StrictModes no",
                "UseDNS no",
                "PrintMotd no",
                "PrintLastLog no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                "PermitUserEnvironment no",
                "MaxStartups 50:30:100",
                "LogLevel INFO",
                "Subsystem sftp internal-sftp",
                // Debian's bash sources ~/.bashrc for every ssh command; an empty HOME makes the login minimal
                // (root's real ~/.bashrc costs ~0.1 s per command) without a ForceCommand
                "SetEnv HOME=" + home + " PATH=" + PATH + " LANG=C.UTF-8"));
        lines.addAll(extraConfig);
        Path config = dir.resolve("sshd_config");
        Files.write(config, lines);
        return config;
    }
}
