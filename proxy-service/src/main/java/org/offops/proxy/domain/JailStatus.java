package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What {@code fail2ban-client status <jail>} says about a jail on a host: current and total bans, banned IPs. */
public record JailStatus(String host, String jail, int currentlyBanned, int totalBanned, List<String> bannedIps) {

    public JailStatus {
        bannedIps = List.copyOf(bannedIps);
    }

    /** Parses {@code fail2ban-client status <jail>} output. */
    public static JailStatus parse(String host, String jail, String output) {
        int current = 0;
        int total = 0;
        List<String> ips = new ArrayList<>();
        for (String line : output.split("\n")) {
            String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).strip() : "";
            if (line.contains("Currently banned:")) {
                current = Integer.parseInt(value);
            } else if (line.contains("Total banned:")) {
                total = Integer.parseInt(value);
            } else if (line.contains("Banned IP list:") && !value.isEmpty()) {
                ips.addAll(Arrays.asList(value.split("\\s+")));
            }
        }
        return new JailStatus(host, jail, current, total, ips.stream().sorted().toList());
    }

    /** Parses the jail names from {@code fail2ban-client status}. */
    public static List<String> jailNames(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("Jail list:")) {
                String value = line.substring(line.indexOf(':') + 1).strip();
                return value.isEmpty() ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).sorted().toList();
            }
        }
        return List.of();
    }
}
