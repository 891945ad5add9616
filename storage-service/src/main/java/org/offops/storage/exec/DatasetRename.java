package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.offops.platform.api.ApiException;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.mount.ContainerMounts;
import org.offops.storage.domain.mount.MountedUse;
import org.offops.storage.domain.mount.PctConfig;
import org.offops.storage.domain.mount.RenameGuard;
import org.offops.storage.store.DatasetEntity;
import org.offops.storage.store.MountCatalog;

/**
 * Renames (or moves) a dataset with {@code zfs rename} over SSH, unless the dataset or one under it is bind-mounted
 * into a RUNNING container of its server, read from every container's {@code pct config} (offops' mounts or not):
 * the rename would pull the directory from under the running site. Stopped containers' mount points are re-pointed
 * at the renamed dataset's mountpoint so they still start.
 */
@ApplicationScoped
public class DatasetRename {

    /** The steps run (or, in a dry run, that would run) and the uses found in stopped containers. */
    public record Result(List<String> steps, List<MountedUse> stoppedUses) {
    }

    private final SshExecutor ssh;
    private final FleetHosts hosts;
    private final MountCatalog mounts;

    public DatasetRename(SshExecutor ssh, FleetHosts hosts, MountCatalog mounts) {
        this.ssh = ssh;
        this.hosts = hosts;
        this.mounts = mounts;
    }

    public Result rename(DatasetEntity dataset, String newName, boolean dryRun, String actor) {
        DatasetRenameRules.check(dataset, newName);
        RemoteHost host = hosts.server(dataset.server);
        Map<String, String> filesystems = MountCommands.parseFilesystems(run(host, MountCommands.filesystems()));
        if (!filesystems.containsKey(dataset.name)) {
            throw ApiException.unprocessable("dataset " + dataset.name + " does not exist on " + dataset.server, "id");
        }
        if (filesystems.containsKey(newName)) {
            throw ApiException.conflict(newName + " already exists on " + dataset.server, "name");
        }
        List<MountedUse> uses = RenameGuard.uses(dataset.name, filesystems, containers(host));
        List<MountedUse> running = uses.stream().filter(MountedUse::running).toList();
        if (!running.isEmpty()) {
            throw ApiException.conflict("cannot rename " + dataset.server + ":" + dataset.name + ": "
                    + String.join("; ", running.stream().map(MountedUse::describe).toList())
                    + "; stop the container or remove the mount first", "id");
        }
        List<String> steps = new ArrayList<>();
        steps.add("on " + dataset.server + ": " + MountCommands.rename(dataset.name, newName).toShellLine());
        steps.add("catalog: " + dataset.server + ":" + dataset.name + " (and datasets under it) becomes " + newName);
        if (dryRun) {
            uses.forEach(u -> steps.add("then re-point " + u.slot() + " of " + u.container() + " (vmid " + u.vmid()
                    + ", stopped) at the renamed dataset's mountpoint"));
            return new Result(steps, uses);
        }
        ssh.run(host, MountCommands.rename(dataset.name, newName)).orThrow();
        mounts.datasetRenamed(dataset, newName, actor);
        Map<String, String> after = MountCommands.parseFilesystems(run(host, MountCommands.filesystems()));
        for (MountedUse u : RenameGuard.repoint(uses, dataset.name, newName, filesystems, after)) {
            RemoteCommand set = MountCommands.repoint(u.vmid(), u.mount());
            ssh.run(host, set).orThrow();
            mounts.repointed(dataset.server, u.vmid(), u.mount());
            steps.add("on " + dataset.server + ": " + set.toShellLine() + " (stopped container " + u.container()
                    + " follows the rename)");
        }
        return new Result(steps, uses);
    }

    private List<ContainerMounts> containers(RemoteHost host) {
        List<ContainerMounts> containers = new ArrayList<>();
        MountCommands.parseList(run(host, MountCommands.list())).forEach((vmid, listed) -> containers.add(
                MountCommands.container(vmid, listed, PctConfig.mounts(run(host, MountCommands.config(vmid))))));
        return containers;
    }

    private String run(RemoteHost host, RemoteCommand command) {
        return ssh.run(host, command).orThrow().stdoutTail();
    }
}
