package org.offops.storage.domain.syncoid;

import java.util.List;

/** One line of syncoid-args.conf: options, source and target, as the systemd unit passes them to syncoid. */
public record SyncoidLine(List<String> options, SyncoidEndpoint source, SyncoidEndpoint target, int line) {

    /** Who runs syncoid relative to the data: the target pulls, or the source pushes. */
    public enum Direction { PULL, PUSH, LOCAL, REMOTE_TO_REMOTE }

    public SyncoidLine {
        options = List.copyOf(options);
    }

    public Direction direction() {
        if (source.isRemote() && !target.isRemote()) {
            return Direction.PULL;
        }
        if (!source.isRemote() && target.isRemote()) {
            return Direction.PUSH;
        }
        return source.isRemote() ? Direction.REMOTE_TO_REMOTE : Direction.LOCAL;
    }

    public boolean recursive() {
        return options.contains("--recursive") || options.contains("-r");
    }

    public boolean sameAs(SyncoidLine other) {
        return options.equals(other.options) && source.equals(other.source) && target.equals(other.target);
    }
}
