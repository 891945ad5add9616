package org.offops.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {

    static Stream<Arguments> fleetNames() {
        return Stream.of(
                Arguments.of("flavor", (UnaryOperator<String>) Names::flavor, "off"),
                Arguments.of("flavor", (UnaryOperator<String>) Names::flavor, "off-pro"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v2.53.0"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "release/2024-01_rc.1"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool/off/products"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "zfs-hdd/off-pro/images"),
                Arguments.of("ZFS snapshot", (UnaryOperator<String>) Names::zfsSnapshot,
                        "rpool/off/products@autosnap_2024-01-01_00:00:01_daily"),
                Arguments.of("host name", (UnaryOperator<String>) Names::hostName, "off1"),
                Arguments.of("host name", (UnaryOperator<String>) Names::hostName, "ovh3.openfoodfacts.org"),
                Arguments.of("host address", (UnaryOperator<String>) Names::hostAddress, "127.0.0.11"),
                Arguments.of("host address", (UnaryOperator<String>) Names::hostAddress, "::1"),
                Arguments.of("site", (UnaryOperator<String>) Names::site, "world.openfoodfacts.org"),
                Arguments.of("systemd unit", (UnaryOperator<String>) Names::systemdUnit, "apache2.service"),
                Arguments.of("systemd unit", (UnaryOperator<String>) Names::systemdUnit, "minion@off.service"),
                Arguments.of("unix user", (UnaryOperator<String>) Names::unixUser, "off"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/off/lang"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/"));
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("flavor", (UnaryOperator<String>) Names::flavor, "OFF"),
                Arguments.of("flavor", (UnaryOperator<String>) Names::flavor, "-off"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1..2"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1//2"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1.lock"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1/"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1."),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "-v1"),
                Arguments.of("git tag", (UnaryOperator<String>) Names::gitTag, "v1/.hidden"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool//off"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool/off/"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool/-off"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool/../off"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "mirror/off"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "1pool/off"),
                Arguments.of("ZFS dataset", (UnaryOperator<String>) Names::zfsDataset, "rpool/off@snap"),
                Arguments.of("ZFS snapshot", (UnaryOperator<String>) Names::zfsSnapshot, "rpool/off"),
                Arguments.of("ZFS snapshot", (UnaryOperator<String>) Names::zfsSnapshot, "rpool/off@a@b"),
                Arguments.of("ZFS snapshot", (UnaryOperator<String>) Names::zfsSnapshot, "rpool/off@-x"),
                Arguments.of("host name", (UnaryOperator<String>) Names::hostName, "off1-"),
                Arguments.of("host name", (UnaryOperator<String>) Names::hostName, "Off1"),
                Arguments.of("host name", (UnaryOperator<String>) Names::hostName, "off1..org"),
                Arguments.of("site", (UnaryOperator<String>) Names::site, "localhost"),
                Arguments.of("site", (UnaryOperator<String>) Names::site, "world.openfoodfacts.123"),
                Arguments.of("systemd unit", (UnaryOperator<String>) Names::systemdUnit, "apache2"),
                Arguments.of("systemd unit", (UnaryOperator<String>) Names::systemdUnit, "-x.service"),
                Arguments.of("unix user", (UnaryOperator<String>) Names::unixUser, "root;id"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "srv/off"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/../etc"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/./off"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv//off"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/off/"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/off\n"),
                Arguments.of("absolute path", (UnaryOperator<String>) Names::absolutePath, "/srv/\0off"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("fleetNames")
    void fleetNamesAreAcceptedUnchanged(String field, UnaryOperator<String> validator, String value) {
        assertEquals(value, validator.apply(value));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("invalidNames")
    void invalidNamesAreRefusedNamingTheField(String field, UnaryOperator<String> validator, String value) {
        InvalidNameException refused = assertThrows(InvalidNameException.class, () -> validator.apply(value));

        assertEquals(field, refused.field());
        assertTrue(refused.getMessage().startsWith(field + " "), refused.getMessage());
    }

    @Test
    void refusalEchoesTheValueSafely() {
        InvalidNameException refused = assertThrows(InvalidNameException.class,
                () -> Names.flavor("off\n2024-01-01 INFO forged log line" + "x".repeat(100)));

        assertTrue(refused.getMessage().startsWith("flavor \"off\\u000a2024-01-01 INFO forged"), refused.getMessage());
        assertTrue(refused.getMessage().contains("...(135 chars)"), refused.getMessage());
    }
}
