package org.offops.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinkRulesTest {

    private static final Link MONGODB = new Link("mongodb", "ovh1", "127.0.0.1", 27017, "proxy", 27017, "mongodb", 27017);
    private static final LinkRules RULES = new LinkRules(InternalRanges.rfc1918());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("valid loopback client", link("redis", "ovh1", "127.0.0.1", 6379, "proxy", 6379), List.of()),
                Arguments.of("valid private client", link("redis", "ovh1", "10.1.0.113", 6379, "proxy", 6379), List.of()),
                Arguments.of("valid ipv6 ula client", link("redis", "ovh1", "fd00::5", 6379, "proxy", 6379), List.of()),
                Arguments.of("public ipv4 client", link("redis", "ovh1", "213.36.253.206", 6379, "proxy", 6379),
                        List.of("clientAddress")),
                Arguments.of("wildcard client", link("redis", "ovh1", "0.0.0.0", 6379, "proxy", 6379),
                        List.of("clientAddress")),
                Arguments.of("ipv6 wildcard client", link("redis", "ovh1", "::", 6379, "proxy", 6379),
                        List.of("clientAddress")),
                Arguments.of("name instead of address", link("redis", "ovh1", "proxy1.openfoodfacts.org", 6379, "proxy",
                        6379), List.of("clientAddress")),
                Arguments.of("public ipv6 client", link("redis", "ovh1", "2a06:c484:5::102", 6379, "proxy", 6379),
                        List.of("clientAddress")),
                Arguments.of("self link", link("redis", "proxy", "127.0.0.1", 6379, "proxy", 6380), List.of("server")),
                Arguments.of("client port taken", link("redis", "ovh1", "127.0.0.1", 27017, "proxy", 6379),
                        List.of("clientPort")),
                Arguments.of("server port taken", link("redis", "ovh2", "127.0.0.1", 6379, "proxy", 27017),
                        List.of("serverPort")),
                Arguments.of("client port is another link's server port on that host",
                        link("redis", "proxy", "127.0.0.1", 27017, "off2", 6379), List.of("clientPort")),
                Arguments.of("bad name", link("Redis!", "ovh1", "127.0.0.1", 6379, "proxy", 6379), List.of("name")),
                Arguments.of("port out of range", link("redis", "ovh1", "127.0.0.1", 70000, "proxy", 6379),
                        List.of("clientPort")),
                Arguments.of("same name replaces itself", link("mongodb", "ovh1", "127.0.0.1", 27017, "proxy", 27017),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesEachBrokenRuleNamingTheField(String label, Link candidate, List<String> fields) {
        List<LinkViolation> violations = RULES.check(candidate, List.of(MONGODB));
        assertEquals(fields, violations.stream().map(LinkViolation::field).toList(), violations.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void publicClientErrorSaysWhy(String label, Link candidate, List<String> fields) {
        RULES.check(candidate, List.of(MONGODB)).stream().filter(v -> v.field().equals("clientAddress"))
                .forEach(v -> assertEquals(true, v.message().contains("not loopback or an internal address"), v.message()));
    }

    private static Link link(String name, String client, String address, int port, String server, int serverPort) {
        return new Link(name, client, address, port, server, serverPort, "mongodb", 6379);
    }
}
