package org.offops.remote.sshj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offops.remote.RealSsh;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.testkit.ssh.ClientKey;
import org.offops.testkit.ssh.SshTestHost;
import org.offops.testkit.ssh.SshdSetup;

class ParallelHostsTest {

    private final List<SshTestHost> sshds = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stopHosts() {
        sshds.forEach(SshTestHost::stop);
    }

    @Test
    void parallelCommandsToTenHosts() throws Exception {
        ClientKey key = ClientKey.generate(tmp.resolve("client"));
        List<RemoteHost> fleet = new ArrayList<>();
        for (int n = 11; n <= 20; n++) {
            SshTestHost sshd = SshTestHost.start(SshdSetup.at("127.0.0." + n).withClientKey(key));
            sshds.add(sshd);
            fleet.add(RealSsh.remoteHost("host" + n, sshd.login()));
        }
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try (SshjExecutor executor = new SshjExecutor(SshjSettings.withKey(key.privateKey()))) {
            long start = System.nanoTime();
            List<Future<String>> replies = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (RemoteHost host : fleet) {
                    // the reply names the address sshd saw the connection arrive on, proving which host answered
                    RemoteCommand whoAmI = RemoteCommand.script("name=$1; set -- $SSH_CONNECTION; echo \"$name $3\"",
                            host.name());
                    replies.add(callers.submit(() -> executor.run(host, whoAmI).orThrow().stdoutTail().strip()));
                }
            }
            for (int i = 0; i < replies.size(); i++) {
                RemoteHost host = fleet.get(i % fleet.size());
                assertEquals(host.name() + " " + host.address(), replies.get(i).get());
            }
            System.out.printf("ten hosts: %d commands in %.0f ms%n", replies.size(),
                    (System.nanoTime() - start) / 1e6);

            assertEquals(10, executor.connectionsOpened());
        } finally {
            callers.shutdownNow();
        }
    }
}
