package org.offops.storage.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;

/** The syncoid command a target runs to pull a route, as production's syncoid.service does (never a shell line). */
public final class SyncoidPull {

    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*(=[A-Za-z0-9_.,:/-]+)?");

    private SyncoidPull() {
    }

    /**
     * syncoid 2.1.0 names its ssh control socket {@code /tmp/syncoid-<user@destination>-<epoch second>}: pulls from
     * one source started in the same second would share (and close) one master connection. Each route therefore
     * reaches its source under its own destination name; ssh connects to {@code HostName} and checks the key
     * recorded under {@code HostKeyAlias} (the source server's name, see {@link SourceTrust}).
     */
    public static String destination(RemoteHost source, long routeId) {
        return Names.hostName(source.name() + "-route" + routeId);
    }

    /**
     * @param options    the route's syncoid options, e.g. {@code --no-sync-snap --no-privilege-elevation}
     * @param pullKey    private key on the target that the source accepts
     * @param knownHosts known_hosts on the target holding the source's pinned key under its server name
     * @param user       the user syncoid logs in as on the source
     */
    public static RemoteCommand command(long routeId, String options, RemoteHost source, String sourceDataset,
                                        String targetDataset, String pullKey, String knownHosts, String user) {
        List<String> args = new ArrayList<>();
        for (String option : options.trim().split("\\s+")) {
            if (!OPTION.matcher(option).matches()) {
                throw new IllegalArgumentException("refused syncoid option " + option);
            }
            args.add(option);
        }
        args.add("--sshkey=" + Names.absolutePath(pullKey));
        args.add("--sshport=" + source.port());
        args.add("--sshoption=HostName=" + Names.hostAddress(source.address()));
        args.add("--sshoption=HostKeyAlias=" + Names.hostName(source.name()));
        args.add("--sshoption=UserKnownHostsFile=" + Names.absolutePath(knownHosts));
        args.add("--sshoption=StrictHostKeyChecking=yes");
        args.add("--sshoption=BatchMode=yes");
        args.add(Names.unixUser(user) + "@" + destination(source, routeId) + ":" + Names.zfsDataset(sourceDataset));
        args.add(Names.zfsDataset(targetDataset));
        return new RemoteCommand("syncoid", args);
    }
}
