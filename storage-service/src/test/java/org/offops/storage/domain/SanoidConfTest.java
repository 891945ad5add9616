package org.offops.storage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.offops.storage.domain.sanoid.PolicyResolver;
import org.offops.storage.domain.sanoid.SanoidConf;
import org.offops.storage.domain.sanoid.SanoidConfException;
import org.offops.storage.domain.sanoid.SanoidConfParser;
import org.offops.storage.domain.sanoid.SanoidConfWriter;
import org.offops.storage.domain.sanoid.SanoidImport;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;

class SanoidConfTest {

    private static final List<String> PRIMARY_DATASETS = List.of("rpool/off", "rpool/off/products",
            "rpool/off/cache", "rpool/logs", "rpool/logs/nginx", "rpool/containers", "rpool/containers/ct-101");

    static Stream<Arguments> primaryPolicies() {
        // dataset, frequent_period, hourly, daily, monthly, autosnap, processChildrenOnly
        return Stream.of(
                Arguments.of("rpool/off", 30, 36, 30, 3, true, false),
                Arguments.of("rpool/off/products", 30, 36, 30, 3, true, false),
                Arguments.of("rpool/off/cache", 30, 36, 30, 3, false, false),
                Arguments.of("rpool/logs", 30, 36, 7, 0, true, false),
                Arguments.of("rpool/containers", 60, 10, 10, 6, true, true),
                Arguments.of("rpool/containers/ct-101", 60, 10, 10, 6, true, false));
    }

    @ParameterizedTest
    @MethodSource("primaryPolicies")
    void templatesUseTemplateAndRecursionResolveAsSanoidDoes(String dataset, int frequentPeriod, int hourly,
                                                             int daily, int monthly, boolean autosnap,
                                                             boolean childrenOnly) {
        SanoidConf conf = SanoidConfParser.parse(Fixtures.own("primary-sanoid.conf")).conf();
        SnapshotPolicy p = PolicyResolver.resolve(conf, PRIMARY_DATASETS).get(dataset);
        assertEquals(frequentPeriod, p.frequentPeriod(), dataset);
        assertEquals(hourly, p.count(Period.HOURLY), dataset);
        assertEquals(daily, p.count(Period.DAILY), dataset);
        assertEquals(monthly, p.count(Period.MONTHLY), dataset);
        assertEquals(autosnap, p.autosnap(), dataset);
        assertEquals(childrenOnly, p.processChildrenOnly(), dataset);
        assertTrue(p.autoprune(), dataset);
    }

    @Test
    void datasetsOutsideAnySectionGetNoPolicy() {
        SanoidConf conf = SanoidConfParser.parse(Fixtures.own("primary-sanoid.conf")).conf();
        assertFalse(PolicyResolver.resolve(conf, List.of("rpool/other")).containsKey("rpool/other"));
        // recursive=no: the child of rpool/logs is not covered
        assertFalse(PolicyResolver.resolve(conf, PRIMARY_DATASETS).containsKey("rpool/logs/nginx"));
    }

    @Test
    void duplicatedSectionsAndRepeatedKeysAreReportedAndResolvedLikeSanoid() {
        SanoidImport imported = SanoidConfParser.parse(Fixtures.own("replica-sanoid.conf"));
        List<String> ambiguities = imported.ambiguities();
        assertTrue(ambiguities.stream().anyMatch(a -> a.startsWith("[tank/backups] appears 2 times")
                && a.contains("use_template") && a.contains("recursive")), ambiguities.toString());
        // Config::IniFiles turns a key set twice into a list: sanoid finds no template, so the defaults apply
        SnapshotPolicy backups = PolicyResolver.policyOf(imported.conf(), "tank/backups");
        assertEquals(SnapshotPolicy.sanoidDefaults().counts(), backups.counts());
        assertFalse(backups.recursive());
    }

    @Test
    void trailingBlankAfterNoIsReportedBecauseSanoidReadsItAsYes() {
        SanoidImport imported = SanoidConfParser.parse(Fixtures.own("replica-sanoid.conf"));
        assertTrue(imported.ambiguities().stream().anyMatch(a -> a.contains("autosnap = 'no '")
                && a.contains("counts as yes")), imported.ambiguities().toString());
        assertTrue(PolicyResolver.policyOf(imported.conf(), "tank/copies").autosnap(),
                "sanoid 2.1.0 snapshots a dataset whose template says 'autosnap = no '");
    }

    @Test
    void undefinedTemplateIsReported() {
        SanoidImport imported = SanoidConfParser.parse(Fixtures.own("replica-sanoid.conf"));
        assertTrue(imported.ambiguities().contains("[tank/typo] uses template 'kepd' which is not defined"),
                imported.ambiguities().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"primary-sanoid.conf", "replica-sanoid.conf"})
    void ownFixturesRoundTrip(String name) {
        assertRoundTrip(Fixtures.own(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a]\n  hourly = 1\n  colour = red\n", "hourly = 1\n", "[a\n", "[a]\nhourly\n"})
    void whatSanoidRefusesIsRefusedWithItsLine(String text) {
        SanoidConfException e = assertThrows(SanoidConfException.class, () -> SanoidConfParser.parse(text));
        assertTrue(e.line() >= 1, e.getMessage());
    }

    @Test
    void renderedPolicyFileIsDeterministicAndReadsBackToTheSamePolicies() {
        Map<String, SnapshotPolicy> wanted = Map.of("rpool/off/products", SnapshotPolicy.localData(),
                "rpool/off/images", SnapshotPolicy.sanoidDefaults().withAutosnap(false));
        String text = SanoidConfWriter.render(wanted);
        assertEquals(text, SanoidConfWriter.render(Map.copyOf(wanted)));
        SanoidImport back = SanoidConfParser.parse(text);
        assertEquals(List.of(), back.ambiguities());
        wanted.forEach((ds, p) -> assertEquals(p, PolicyResolver.policyOf(back.conf(), ds), ds));
    }

    static void assertRoundTrip(String text) {
        SanoidImport first = SanoidConfParser.parse(text);
        String written = SanoidConfWriter.write(first.conf());
        SanoidImport second = SanoidConfParser.parse(written);
        assertTrue(first.conf().sameAs(second.conf()), written);
        assertEquals(written, SanoidConfWriter.write(second.conf()));
        for (var section : first.conf().modules()) {
            assertEquals(PolicyResolver.policyOf(first.conf(), section.name()),
                    PolicyResolver.policyOf(second.conf(), section.name()), section.name());
        }
    }
}
