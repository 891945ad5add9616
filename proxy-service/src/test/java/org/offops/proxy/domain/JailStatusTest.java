package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JailStatusTest {

    @Test
    void readsBansFromFail2banClientStatus() {
        String output = """
                Status for the jail: nginx-manual-ban
                |- Filter
                |  |- Currently failed:\t0
                |  |- Total failed:\t0
                |  `- File list:\t/etc/fail2ban/fail2ban.conf
                `- Actions
                   |- Currently banned:\t2
                   |- Total banned:\t3
                   `- Banned IP list:\t203.0.113.9 203.0.113.7
                """;
        assertEquals(new JailStatus("proxy", "nginx-manual-ban", 2, 3, List.of("203.0.113.7", "203.0.113.9")),
                JailStatus.parse("proxy", "nginx-manual-ban", output));
    }

    @Test
    void anEmptyBanListIsEmpty() {
        String output = "`- Actions\n   |- Currently banned:\t0\n   |- Total banned:\t0\n   `- Banned IP list:\t\n";
        assertEquals(List.of(), JailStatus.parse("proxy", "j", output).bannedIps());
    }

    @Test
    void readsJailNames() {
        String output = "Status\n|- Number of jail:\t3\n`- Jail list:\tnginx-manual-ban, nginx-botsearch, nginx-http-auth\n";
        assertEquals(List.of("nginx-botsearch", "nginx-http-auth", "nginx-manual-ban"), JailStatus.jailNames(output));
    }
}
