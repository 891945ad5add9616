package org.offops.inventory.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.offops.remote.ExecOptions;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteFile;
import org.offops.remote.RemoteFiles;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/** Reads a Proxmox host's live container configs ({@code /etc/pve/lxc/<vmid>.conf}) over SSH, by vmid. */
@ApplicationScoped
public class PveConfigReader {

    private static final Pattern CONF = Pattern.compile("(?:lxc_)?([1-9][0-9]{2,8})\\.conf");

    private final SshExecutor ssh;
    private final RemoteFiles files;
    private final String directory;

    public PveConfigReader(SshExecutor ssh, RemoteFiles files,
                           @ConfigProperty(name = "offops.inventory.pve-lxc-dir", defaultValue = "/etc/pve/lxc")
                           String directory) {
        this.ssh = ssh;
        this.files = files;
        this.directory = directory;
    }

    /** vmid → file text of every container config on the host; a failure names host, command and exit code. */
    public Map<Integer, String> read(RemoteHost host) {
        // -H: on Proxmox /etc/pve/lxc is a symlink to nodes/<node>/lxc.
        String listing = ssh.run(host, RemoteCommand.of("find", "-H", directory, "-maxdepth", "1", "-type", "f",
                "-name", "*.conf", "-printf", "%f\\n"), ExecOptions.defaults()).orThrow().stdoutTail();
        Map<Integer, String> configs = new TreeMap<>();
        for (String name : listing.split("\n")) {
            Matcher m = CONF.matcher(name.strip());
            if (m.matches()) {
                RemoteFile file = files.read(host, directory + "/" + name.strip());
                if (file.present()) {
                    configs.put(Integer.parseInt(m.group(1)), new String(file.bytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return configs;
    }
}
