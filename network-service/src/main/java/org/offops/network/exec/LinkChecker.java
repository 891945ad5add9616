package org.offops.network.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.offops.network.domain.Link;
import org.offops.network.store.LinkStore;
import org.offops.remote.RemoteException;

/** Opens a connection through a link from its client host and reports success or stunnel's own error lines. */
@ApplicationScoped
public class LinkChecker {

    /** The outcome of a check; {@code stunnelLog} holds the error lines of both ends' logs for this link. */
    public record Outcome(String link, boolean ok, String error, String stunnelLog) {
    }

    private final LinkStore store;
    private final FleetHosts fleet;
    private final StunnelHost stunnel;

    public LinkChecker(LinkStore store, FleetHosts fleet, StunnelHost stunnel) {
        this.store = store;
        this.fleet = fleet;
        this.stunnel = stunnel;
    }

    public Outcome check(Link link, String actor) {
        String error;
        try {
            error = stunnel.probe(fleet.remote(link.client()), link.clientAddress(), link.clientPort());
        } catch (RemoteException e) {
            error = e.getMessage();
        }
        String log = null;
        if (error != null) {
            log = errors(link.server()) + errors(link.client());
        }
        store.checked(link.name(), error == null ? "ok" : "failed: " + error, error, log, actor,
                UUID.randomUUID().toString());
        return new Outcome(link.name(), error == null, error, log);
    }

    /** stunnel's warning and error lines (LOG3/LOG4) from the end of the host's log. */
    private String errors(String host) {
        StringBuilder lines = new StringBuilder();
        for (String line : stunnel.logTail(fleet.remote(host), 200).split("\n")) {
            if ((line.contains("LOG3[") || line.contains("LOG4[")) && !line.contains("No trusted certificates")) {
                lines.append(host).append(": ").append(line).append('\n');
            }
        }
        String text = lines.toString();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
