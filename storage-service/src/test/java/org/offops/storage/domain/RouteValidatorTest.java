package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.route.Route;
import org.offops.storage.domain.route.RouteValidator;
import org.offops.storage.domain.route.Violation;

class RouteValidatorTest {

    private static final Set<String> SERVERS = Set.of("off1", "off2", "ovh3");
    private static final Set<String> DATASETS = Set.of("off2:rpool/off/products", "off2:rpool/opf/products",
            "off1:rpool/off/products", "ovh3:rpool/off/products");
    private static final List<Route> EXISTING = List.of(route("off2:rpool/off/products", "off1:rpool/off/products"),
            route("off1:rpool/off/products", "ovh3:rpool/off/products"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("valid", route("off2:rpool/opf/products", "ovh3:rpool/opf/products"), List.of()),
                Arguments.of("unknown source host (the opf typo)", route("of2:rpool/opf/products",
                        "ovh3:rpool/opf/products"), List.of("source.server", "source.dataset")),
                Arguments.of("unknown source dataset", route("off2:rpool/opf/prodcts", "ovh3:rpool/opf/x"),
                        List.of("source.dataset")),
                Arguments.of("unknown target host", route("off2:rpool/opf/products", "ovh4:rpool/opf"),
                        List.of("target.server")),
                Arguments.of("bad ZFS name", route("off2:rpool/opf/products", "ovh3:rpool/-opf"),
                        List.of("target.dataset")),
                Arguments.of("second route into one target", route("off2:rpool/opf/products",
                        "off1:rpool/off/products"), List.of("target")),
                Arguments.of("cycle", route("ovh3:rpool/off/products", "off2:rpool/off/products"), List.of("target")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routesAreCheckedAgainstTheFleet(String why, Route route, List<String> fields) {
        List<Violation> found = RouteValidator.check(route, EXISTING, SERVERS, DATASETS);
        assertEquals(fields, found.stream().map(Violation::field).toList(), why + ": " + found);
    }

    static Route route(String source, String target) {
        return new Route(DatasetRef.parse(source), DatasetRef.parse(target), false);
    }
}
