package org.offops.network.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns existing per-host off.conf files into links: a client section and a server section reading the same
 * PSKsecrets file are one link. Reports sections without a counterpart, a PSK file, or with a public client entrance.
 */
public final class StunnelImporter {

    private final InternalRanges internal;

    public StunnelImporter(InternalRanges internal) {
        this.internal = internal;
    }

    /**
     * @param configs  off.conf text by host
     * @param pskFiles PSK file paths present on each host (PSK files are never in git, so they are listed apart)
     */
    public ImportReport importConfigs(Map<String, String> configs, Map<String, Set<String>> pskFiles) {
        List<StunnelSection> sections = new ArrayList<>();
        new TreeMap<>(configs).forEach((host, text) -> sections.addAll(StunnelConfParser.sections(host, text)));
        List<String> problems = new ArrayList<>();
        List<ImportedLink> links = new ArrayList<>();
        Set<StunnelSection> paired = new HashSet<>();
        for (StunnelSection section : sections) {
            String psk = section.option("psksecrets");
            String where = section.host() + " [" + section.name() + "]";
            if (psk == null) {
                problems.add(where + ": no PSKsecrets, not a PSK tunnel");
                continue;
            }
            if (!pskFiles.getOrDefault(section.host(), Set.of()).contains(psk)) {
                problems.add(where + ": no PSK file " + psk + " on " + section.host());
            }
            if (section.client()) {
                String accept = section.option("accept");
                String address = accept == null || !accept.contains(":") ? "" : accept.substring(0, accept.lastIndexOf(':'));
                if (!internal.isInternal(address)) {
                    problems.add(where + ": client accept " + accept + " is not loopback or internal");
                }
            }
        }
        for (StunnelSection client : sections.stream().filter(StunnelSection::client).toList()) {
            String psk = client.option("psksecrets");
            List<StunnelSection> servers = sections.stream().filter(s -> !s.client() && psk != null
                    && psk.equals(s.option("psksecrets"))).toList();
            if (servers.isEmpty()) {
                problems.add(client.host() + " [" + client.name() + "]: client with no server section for " + psk);
                continue;
            }
            for (StunnelSection server : servers) {
                paired.add(server);
                links.add(new ImportedLink(linkName(psk, client.name()), client.host(), client.option("accept"),
                        server.host(), server.option("accept"), server.option("connect"), psk));
            }
        }
        sections.stream().filter(s -> !s.client() && s.option("psksecrets") != null && !paired.contains(s))
                .forEach(s -> problems.add(s.host() + " [" + s.name() + "]: server with no client section for "
                        + s.option("psksecrets")));
        return new ImportReport(List.copyOf(links), List.copyOf(problems));
    }

    /** The link is named after its PSK file ({@code mongodb-psk.txt} is link {@code mongodb}). */
    static String linkName(String pskPath, String section) {
        String file = pskPath == null ? section : pskPath.substring(pskPath.lastIndexOf('/') + 1);
        return file.replaceFirst("-psk\\.txt$", "").toLowerCase(Locale.ROOT);
    }
}
