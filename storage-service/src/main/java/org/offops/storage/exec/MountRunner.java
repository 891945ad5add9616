package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.offops.platform.api.ApiException;
import org.offops.platform.fleet.KnownContainer;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.mount.MountPlan;
import org.offops.storage.domain.mount.MountPlanner;
import org.offops.storage.domain.mount.MountPoint;
import org.offops.storage.domain.mount.PctConfig;

/**
 * Reads a container's mount points and a dataset's mountpoint on the Proxmox server over SSH, plans with
 * {@link MountPlanner}, and applies a plan with one {@code pct set} (callers hold {@link MountLocks}).
 */
@ApplicationScoped
public class MountRunner {

    /** What was read and decided: the host path to bind (the dataset's mountpoint), whether the CT runs, the plan. */
    public record Proposal(String hostPath, boolean running, List<MountPoint> current, MountPlan plan) {
    }

    private final SshExecutor ssh;
    private final FleetHosts hosts;

    public MountRunner(SshExecutor ssh, FleetHosts hosts) {
        this.ssh = ssh;
        this.hosts = hosts;
    }

    public Proposal proposeAdd(KnownContainer ct, String dataset, String containerPath) {
        RemoteHost host = hosts.server(ct.server);
        Map<String, String> props = MountCommands.parseFilesystems(run(host, MountCommands.mountpoint(dataset)));
        String mountpoint = props.getOrDefault("mountpoint", "-");
        if (!mountpoint.startsWith("/")) {
            throw ApiException.unprocessable("dataset " + ct.server + ":" + dataset + " has mountpoint '" + mountpoint
                    + "': there is no directory to bind-mount", "dataset");
        }
        if (!"yes".equals(props.get("mounted"))) {
            throw ApiException.conflict("dataset " + ct.server + ":" + dataset + " is not mounted at " + mountpoint
                    + ": the container would see an empty directory; mount it first (zfs mount)", "dataset");
        }
        boolean running = PctConfig.running(run(host, MountCommands.status(ct.vmid)));
        List<MountPoint> current = PctConfig.mounts(run(host, MountCommands.config(ct.vmid)));
        MountPlan plan = MountPlanner.add(current, mountpoint, containerPath, running);
        return new Proposal(mountpoint, running, current, plan);
    }

    public Proposal proposeRemove(KnownContainer ct, String hostPath, String containerPath) {
        RemoteHost host = hosts.server(ct.server);
        boolean running = PctConfig.running(run(host, MountCommands.status(ct.vmid)));
        List<MountPoint> current = PctConfig.mounts(run(host, MountCommands.config(ct.vmid)));
        return new Proposal(hostPath, running, current, MountPlanner.remove(current, hostPath, containerPath, running));
    }

    /** Runs the plan's {@code pct set} (if any) and returns the container's mount points read back afterwards. */
    public List<MountPoint> apply(KnownContainer ct, MountPlan plan) {
        RemoteCommand set = MountCommands.set(ct.vmid, plan);
        RemoteHost host = hosts.server(ct.server);
        if (set != null) {
            ssh.run(host, set).orThrow();
        }
        return PctConfig.mounts(run(host, MountCommands.config(ct.vmid)));
    }

    private String run(RemoteHost host, RemoteCommand command) {
        return ssh.run(host, command).orThrow().stdoutTail();
    }
}
