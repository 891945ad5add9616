package org.offops.proxy.api;

import java.util.List;
import org.offops.proxy.exec.HostResult;

/** What a site or bot-rule mutation did (or, with {@code ?dryRun=true}, would do) on each affected host. */
public record ChangeResponse(boolean dryRun, Object subject, List<HostResult> hosts) {
}
