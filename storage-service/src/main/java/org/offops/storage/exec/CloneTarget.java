package org.offops.storage.exec;

import org.offops.remote.RemoteHost;
import org.offops.storage.domain.clone.CloneRule;

/** A clone rule resolved for execution: its id, the rule as the planner sees it, and the server's SSH target. */
record CloneTarget(long id, CloneRule rule, RemoteHost host) {

    String server() {
        return host.name();
    }
}
