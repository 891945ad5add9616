package org.offops.testkit.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to launch one test sshd: address, port, trusted client key, directory, launch prefix and extra config.
 *
 * @param port        0 picks a free port
 * @param clientKey   null generates one in the host's directory
 * @param directory   null uses a fresh temporary directory, deleted on stop; an existing directory keeps its host key
 * @param launchPrefix e.g. {@code unshare --mount --uts}, so the fleet-in-a-box can give each host its namespaces
 * @param extraConfig extra sshd_config lines appended verbatim
 */
public record SshdSetup(String address, int port, ClientKey clientKey, Path directory,
                        List<String> launchPrefix, List<String> extraConfig) {

    public SshdSetup {
        Objects.requireNonNull(address, "address");
        launchPrefix = List.copyOf(launchPrefix);
        extraConfig = List.copyOf(extraConfig);
    }

    public static SshdSetup at(String address) {
        return new SshdSetup(address, 0, null, null, List.of(), List.of());
    }

    public SshdSetup withPort(int newPort) {
        return new SshdSetup(address, newPort, clientKey, directory, launchPrefix, extraConfig);
    }

    public SshdSetup withClientKey(ClientKey key) {
        return new SshdSetup(address, port, key, directory, launchPrefix, extraConfig);
    }

    public SshdSetup withDirectory(Path dir) {
        return new SshdSetup(address, port, clientKey, dir, launchPrefix, extraConfig);
    }

    public SshdSetup withLaunchPrefix(List<String> prefix) {
        return new SshdSetup(address, port, clientKey, directory, prefix, extraConfig);
    }

    public SshdSetup withExtraConfig(List<String> lines) {
        return new SshdSetup(address, port, clientKey, directory, launchPrefix, lines);
    }
}
