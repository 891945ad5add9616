package org.offops.platform.hosts;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteFiles;
import org.offops.remote.SshExecutor;
import org.offops.remote.sshj.SshjExecutor;
import org.offops.remote.sshj.SshjSettings;

/** Produces the one SSH executor of a service (pooled connections, pinned keys) from {@code offops.ssh.key}. */
@ApplicationScoped
public class RemoteAccess {

    @Produces
    @ApplicationScoped
    @DefaultBean
    SshExecutor executor(@ConfigProperty(name = "offops.ssh.key") Optional<String> key) {
        if (key.isEmpty() || !Files.isReadable(Path.of(key.get()))) {
            String why = key.isEmpty() ? "offops.ssh.key (OFFOPS_SSH_KEY) is not set"
                    : "the SSH key " + key.get() + " is not readable";
            return (host, command, options) -> {
                throw RemoteException.noExitCode(host.name(), command.toShellLine(), why, null);
            };
        }
        return new SshjExecutor(SshjSettings.withKey(Path.of(key.get())));
    }

    void close(@Disposes SshExecutor executor) {
        if (executor instanceof SshjExecutor sshj) {
            sshj.close();
        }
    }

    @Produces
    @ApplicationScoped
    RemoteFiles files(SshExecutor executor) {
        return new RemoteFiles(executor);
    }
}
