package org.offops.remote.sshj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.offops.remote.RealSsh;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;
import org.offops.testkit.ssh.ClientKey;
import org.offops.testkit.ssh.SshTestHost;
import org.offops.testkit.ssh.SshdSetup;

class PooledConnectionTest {

    @TempDir
    Path tmp;

    @Test
    void droppedConnectionIsReopenedTransparently() throws Exception {
        ClientKey key = ClientKey.generate(tmp.resolve("client"));
        SshdSetup setup = SshdSetup.at("127.0.0.4").withClientKey(key).withDirectory(tmp.resolve("ovh1"));
        SshTestHost first = SshTestHost.start(setup);
        RemoteHost ovh1 = RealSsh.remoteHost("ovh1", first.login());
        try (SshjExecutor executor = new SshjExecutor(SshjSettings.withKey(key.privateKey()))) {
            executor.run(ovh1, RemoteCommand.of("true")).orThrow();
            first.stop();
            // same directory, so the same host key; same port
            try (SshTestHost again = SshTestHost.start(setup.withPort(first.port()))) {
                assertEquals("back\n", executor.run(ovh1, RemoteCommand.of("echo", "back")).orThrow().stdoutTail());
                assertEquals(2, executor.connectionsOpened());
            }
        }
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprints() throws Exception {
        ClientKey key = ClientKey.generate(tmp.resolve("client"));
        SshTestHost genuine = SshTestHost.start(SshdSetup.at("127.0.0.5").withClientKey(key));
        RemoteHost off2 = RealSsh.remoteHost("off2", genuine.login());
        try (SshjExecutor executor = new SshjExecutor(SshjSettings.withKey(key.privateKey()))) {
            executor.run(off2, RemoteCommand.of("true")).orThrow();
            genuine.stop();
            // another sshd with another host key takes over the same address and port
            try (SshTestHost impostor = SshTestHost.start(SshdSetup.at("127.0.0.5").withPort(genuine.port())
                    .withClientKey(key))) {
                assertNotEquals(genuine.hostKeyFingerprint(), impostor.hostKeyFingerprint());

                RemoteException refused = assertThrows(RemoteException.class,
                        () -> executor.run(off2, RemoteCommand.of("systemctl", "restart", "apache2.service")));

                String message = refused.getMessage();
                assertTrue(message.contains("on host off2"), message);
                assertTrue(message.contains("systemctl restart apache2.service"), message);
                assertTrue(message.contains("no exit code"), message);
                assertTrue(message.contains("pinned " + genuine.hostKeyFingerprint()), message);
                assertTrue(message.contains("presented " + impostor.hostKeyFingerprint()), message);
            }
        }
    }
}
