package org.offops.deploy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.offops.deploy.domain.plan.ContainerFacts;
import org.offops.deploy.domain.plan.DeploymentPlanner;
import org.offops.deploy.domain.plan.FlavorSettings;
import org.offops.deploy.domain.plan.Plan;
import org.offops.deploy.domain.plan.Release;
import org.offops.deploy.domain.plan.Step;
import org.offops.remote.InvalidNameException;

/** The runbook as data: step order, build commands, units from the fleet view in configured order, rollback. */
class DeploymentPlannerTest {

    private static final FlavorSettings OFF = new FlavorSettings("/srv/off", "/srv/off-static",
            List.of(List.of("scripts/build_taxonomies.sh"), List.of("scripts/build_lang.sh", "--all")),
            List.of("apache2", "apache2@priority", "minion", "minion@off", "incron", "cloud_vision_ocr@off"),
            3, "/version");
    private static final ContainerFacts OFF_CT = new ContainerFacts("off", "off", "off2", "127.0.0.113", 22,
            null, List.of("apache2", "apache2@priority", "minion", "incron", "cloud_vision_ocr@"));

    @Test
    void deploymentFollowsTheRunbookOrder() {
        Plan plan = DeploymentPlanner.deploy(OFF_CT, OFF, new Release("v1.1.0", "https://x/frontend-dist.tgz"));
        assertEquals(List.of("git-status-clean", "download-asset", "fetch", "checkout", "verify-layout",
                "build:build_taxonomies", "build:build_lang", "upload-static", "switch-static",
                "restart:apache2", "restart:apache2@priority", "restart:minion", "restart:incron",
                "restart:cloud_vision_ocr@off", "health", "prune-releases"), plan.stepNames());
        assertEquals(new Step("build:build_lang", StepKind.BUILD, List.of("/srv/off", "scripts/build_lang.sh", "--all")),
                plan.steps().get(6));
        assertEquals(Step.of("switch-static", StepKind.SWITCH_STATIC, "/srv/off-static",
                "/srv/off-static-releases/v1.1.0"), plan.steps().get(8));
        assertEquals(List.of("v1.1.0", "/version", "apache2", "apache2@priority", "minion", "incron",
                "cloud_vision_ocr@off"), plan.steps().get(14).args());
        assertEquals(List.of("/srv/off-static-releases", "3", "/srv/off-static"), plan.steps().get(15).args());
    }

    @Test
    void unitsAreTheConfiguredOnesTheContainerRunsInConfiguredOrder() {
        ContainerFacts small = new ContainerFacts("obf", "obf", "off2", "127.0.0.111", 22, null,
                List.of("incron", "apache2"));
        assertEquals(List.of("apache2", "incron"), DeploymentPlanner.units(small, OFF));
        ContainerFacts instance = new ContainerFacts("x", "off", "off2", "127.0.0.9", 22, null,
                List.of("minion@off"));
        assertEquals(List.of("minion@off"), DeploymentPlanner.units(instance, OFF));
    }

    @Test
    void releaseWithoutAssetSkipsTheStaticSteps() {
        Plan plan = DeploymentPlanner.deploy(OFF_CT, OFF, new Release("v1.1.0", null));
        assertEquals(List.of("git-status-clean", "fetch", "checkout", "verify-layout", "build:build_taxonomies",
                "build:build_lang", "restart:apache2", "restart:apache2@priority", "restart:minion",
                "restart:incron", "restart:cloud_vision_ocr@off", "health"), plan.stepNames());
    }

    @Test
    void rollbackChecksOutThePreviousTagSwitchesBackRestartsAndChecks() {
        Plan plan = DeploymentPlanner.rollback(OFF_CT, OFF, "v1.0.0", "/srv/off-static-releases/v1.0.0");
        assertEquals(List.of("checkout", "switch-static", "restart:apache2", "restart:apache2@priority",
                "restart:minion", "restart:incron", "restart:cloud_vision_ocr@off", "health"), plan.stepNames());
        assertEquals(List.of("/srv/off", "v1.0.0", "force"), plan.steps().get(0).args());
        assertEquals(List.of("/srv/off-static", "/srv/off-static-releases/v1.0.0"), plan.steps().get(1).args());
        assertEquals("v1.0.0", plan.steps().get(7).arg(0));
        assertEquals("v1.0.0", plan.tag());
    }

    @Test
    void rollbackWithoutKnownStaticLeavesTheSymlinkAlone() {
        Plan plan = DeploymentPlanner.rollback(OFF_CT, OFF, "v1.0.0", null);
        assertEquals("restart:apache2", plan.steps().get(1).name());
    }

    @Test
    void hostileTagsAndPathsAreRefusedWhilePlanning() {
        for (String tag : List.of("v1;reboot", "../v1", "-v1", "v1 2", "v1..2")) {
            assertThrows(InvalidNameException.class,
                    () -> DeploymentPlanner.deploy(OFF_CT, OFF, new Release(tag, null)), tag);
        }
        assertThrows(InvalidNameException.class, () -> DeploymentPlanner.rollback(OFF_CT, OFF, "v1.0.0",
                "/srv/../etc"));
    }
}
