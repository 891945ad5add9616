package org.offops.network.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a candidate link against the others: names, ports per host, no self link, and the exposure guard. */
public final class LinkRules {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final InternalRanges internal;

    public LinkRules(InternalRanges internal) {
        this.internal = internal;
    }

    /** Every violation; empty when the link may be created (or replace {@code candidate.name()}'s old version). */
    public List<LinkViolation> check(Link candidate, List<Link> existing) {
        List<LinkViolation> violations = new ArrayList<>();
        if (candidate.name() == null || !NAME.matcher(candidate.name()).matches()) {
            violations.add(new LinkViolation("name", "must match " + NAME.pattern()));
        }
        host("client", candidate.client(), violations);
        host("server", candidate.server(), violations);
        host("target", candidate.target(), violations);
        port("clientPort", candidate.clientPort(), violations);
        port("serverPort", candidate.serverPort(), violations);
        port("targetPort", candidate.targetPort(), violations);
        if (candidate.client() != null && candidate.client().equals(candidate.server())) {
            violations.add(new LinkViolation("server", "a link needs two hosts: client and server are both "
                    + candidate.client()));
        }
        if (!internal.isInternal(candidate.clientAddress())) {
            violations.add(new LinkViolation("clientAddress", "client listener " + candidate.clientAddress()
                    + " is not loopback or an internal address (" + String.join(", ", internal.cidrs())
                    + "): a public stunnel client entrance exposes the service to the internet"));
        }
        List<Link> others = existing.stream().filter(link -> !link.name().equals(candidate.name())).toList();
        for (Link other : candidate.client() == null || candidate.server() == null ? List.<Link>of() : others) {
            clash(candidate.client(), candidate.clientPort(), "clientPort", other, violations);
            clash(candidate.server(), candidate.serverPort(), "serverPort", other, violations);
        }
        return violations;
    }

    /** Names the other link already listening on {@code port} of {@code host}. */
    private static void clash(String host, int port, String field, Link other, List<LinkViolation> violations) {
        boolean taken = (host.equals(other.client()) && port == other.clientPort())
                || (host.equals(other.server()) && port == other.serverPort());
        if (taken) {
            violations.add(new LinkViolation(field, "port " + port + " on " + host + " is already used by link "
                    + other.name()));
        }
    }

    private static void host(String field, String value, List<LinkViolation> violations) {
        if (value == null || !HOST.matcher(value).matches()) {
            violations.add(new LinkViolation(field, "must be a fleet host name"));
        }
    }

    private static void port(String field, int value, List<LinkViolation> violations) {
        if (value < 1 || value > 65535) {
            violations.add(new LinkViolation(field, "must be 1..65535"));
        }
    }
}
