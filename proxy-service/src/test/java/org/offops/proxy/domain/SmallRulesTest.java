package org.offops.proxy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bot rules, ban targets and listen modes: the small validators, table by table. */
class SmallRulesTest {

    @ParameterizedTest(name = "{0}: {1}/{2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "good rule       | python-requests | /wp-login\\.php | 600 | 3 | 3600 | ''",
            "ban forever     | Bytespider      | /x             | 60  | 1 | -1   | ''",
            "bad name        | a               | /x             | 60  | 1 | 60   | name",
            "broken regex    | (unclosed       | /x             | 60  | 1 | 60   | userAgents",
            "quote in agent  | a\"b            | /x             | 60  | 1 | 60   | userAgents",
            "relative path   | a               | wp-login       | 60  | 1 | 60   | paths",
            "zero find time  | a               | /x             | 0   | 1 | 60   | findTimeSeconds",
            "zero ban time   | a               | /x             | 60  | 1 | 0    | banTimeSeconds"})
    void botRules(String name, String agent, String path, int find, int retry, int ban, String field) {
        String ruleName = name.equals("bad name") ? "Bad Name" : "scrapers";
        List<Violation> violations = BotRuleRules.check(new BotRule(ruleName, List.of(agent), List.of(path), find,
                retry, ban));
        assertEquals(field, violations.isEmpty() ? "" : violations.get(0).field(), violations.toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"203.0.113.7,true", "10.1.0.113,true", "2001:db8::1,true", "::1,true", "256.1.1.1,false",
            "example.org,false", "1.2.3.4/24,false", "'1.2.3.4 5.6.7.8',false", "-1,false", "1:2:::3,false"})
    void banTargetsAreAddressLiterals(String value, boolean address) {
        assertEquals(address, BanTargets.isAddress(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tls,true,,443", "127.0.0.1:8480,false,127.0.0.1,8480", "ssh-host:80,false,ssh-host,80"})
    void listenModes(String value, boolean tls, String address, int port) {
        assertEquals(new ListenMode(tls, address, port), ListenMode.parse(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1", "8480", "a b:80"})
    void badListenModesAreRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> ListenMode.parse(value));
    }
}
