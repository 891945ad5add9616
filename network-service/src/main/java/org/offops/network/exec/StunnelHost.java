package org.offops.network.exec;

import java.nio.charset.StandardCharsets;
import org.offops.network.domain.ConfigRenderer;
import org.offops.network.domain.HostConfig;
import org.offops.network.domain.RenderSettings;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteFile;
import org.offops.remote.RemoteFiles;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/** What network-service does on one host's stunnel: PSK files, check-then-install of off.conf, reload, probe. */
public class StunnelHost {

    private static final String CANDIDATE = "/etc/stunnel/.off.conf.candidate";

    private final SshExecutor ssh;
    private final RemoteFiles files;
    private final RenderSettings settings;

    public StunnelHost(SshExecutor ssh, RemoteFiles files, RenderSettings settings) {
        this.ssh = ssh;
        this.files = files;
        this.settings = settings;
    }

    public void prepare(RemoteHost host) {
        ssh.run(host, RemoteCommand.script(StunnelScripts.PREPARE, settings.pskOwner())).orThrow();
    }

    /** Writes a PSK file atomically, 0600, owned by the user stunnel runs as. The content never leaves this call. */
    public void writePsk(RemoteHost host, String path, byte[] content) {
        files.push(host, path, content, settings.pskOwner(), "0600");
    }

    public void removePsk(RemoteHost host, String path) {
        ssh.run(host, RemoteCommand.script(StunnelScripts.REMOVE, path)).orThrow();
    }

    public String currentConf(RemoteHost host) {
        RemoteFile file = files.read(host, HostConfig.PATH);
        return file.present() ? new String(file.bytes(), StandardCharsets.UTF_8) : "";
    }

    /** Lets a throwaway stunnel parse the candidate; throws (host, command, stunnel's complaint) when it refuses. */
    public void check(RemoteHost host, String offConf) {
        files.push(host, CANDIDATE, ConfigRenderer.checkVariant(offConf).getBytes(StandardCharsets.UTF_8),
                "root", "0644");
        ssh.run(host, RemoteCommand.script(StunnelScripts.CHECK, CANDIDATE),
                ExecOptions.defaults().withTimeout(java.time.Duration.ofSeconds(30))).orThrow();
    }

    public void install(RemoteHost host, String offConf) {
        files.push(host, HostConfig.PATH, offConf.getBytes(StandardCharsets.UTF_8), "root", "0644");
    }

    /** A host left without links: stunnel stopped and off.conf removed (stunnel refuses a config without sections). */
    public void stop(RemoteHost host) {
        ssh.run(host, RemoteCommand.script(StunnelScripts.STOP, HostConfig.UNIT, HostConfig.PATH)).orThrow();
    }

    public void reload(RemoteHost host) {
        ssh.run(host, RemoteCommand.script(StunnelScripts.RELOAD, HostConfig.UNIT, settings.output())).orThrow();
    }

    /** Opens a connection to the link's client entrance from the client host; returns null when it held. */
    public String probe(RemoteHost host, String address, int port) {
        ExecResult result = ssh.run(host, RemoteCommand.of("bash", "-c", StunnelScripts.PROBE, "bash", address,
                String.valueOf(port)));
        return result.ok() ? null : result.stderrTail().strip();
    }

    public String logTail(RemoteHost host, int lines) {
        try {
            return ssh.run(host, RemoteCommand.script(StunnelScripts.LOG_TAIL, settings.output(),
                    String.valueOf(lines))).stdoutTail();
        } catch (RemoteException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
