package org.offops.deploy.domain.plan;

import java.util.ArrayList;
import java.util.List;
import org.offops.deploy.domain.StepKind;
import org.offops.remote.Names;

/** Turns a container, its flavor's settings and a release into the runbook's steps, as data. */
public final class DeploymentPlanner {

    private DeploymentPlanner() {
    }

    /** The deployment of {@code release} to {@code container}. */
    public static Plan deploy(ContainerFacts container, FlavorSettings flavor, Release release) {
        String tag = Names.gitTag(release.tag());
        String code = Names.absolutePath(flavor.codePath());
        String statics = Names.absolutePath(flavor.staticPath());
        List<Step> steps = new ArrayList<>();
        boolean withStatic = release.assetUrl() != null;
        steps.add(Step.of("git-status-clean", StepKind.GIT_STATUS_CLEAN, code, statics));
        if (withStatic) {
            // checked here, before the first change to the container: a hostile archive changes nothing
            steps.add(Step.of("download-asset", StepKind.DOWNLOAD_ASSET, release.assetUrl()));
        }
        steps.add(Step.of("fetch", StepKind.FETCH, code));
        steps.add(Step.of("checkout", StepKind.CHECKOUT, code, tag));
        steps.add(new Step("verify-layout", StepKind.VERIFY_LAYOUT, Layout.expected(container.flavor(), code)));
        for (List<String> command : flavor.build()) {
            List<String> args = new ArrayList<>(List.of(code));
            args.addAll(command);
            steps.add(new Step("build:" + buildName(command), StepKind.BUILD, args));
        }
        if (withStatic) {
            steps.add(Step.of("upload-static", StepKind.UPLOAD_STATIC, flavor.releasesDir(), tag));
            steps.add(Step.of("switch-static", StepKind.SWITCH_STATIC, statics, flavor.releasesDir() + "/" + tag));
        }
        List<String> units = units(container, flavor);
        units.forEach(unit -> steps.add(Step.of("restart:" + unit, StepKind.RESTART, unit)));
        steps.add(health(tag, flavor, units));
        if (withStatic) {
            steps.add(Step.of("prune-releases", StepKind.PRUNE_RELEASES, flavor.releasesDir(),
                    Integer.toString(flavor.keepReleases()), statics));
        }
        return new Plan(container.name(), container.flavor(), tag, steps);
    }

    /**
     * Puts {@code container} back on {@code previousTag}; {@code previousStatic} is where the static symlink pointed
     * before (null: the deployment never read it, so the symlink is left alone).
     */
    public static Plan rollback(ContainerFacts container, FlavorSettings flavor, String previousTag,
                                String previousStatic) {
        String tag = Names.gitTag(previousTag);
        String code = Names.absolutePath(flavor.codePath());
        List<Step> steps = new ArrayList<>();
        // forced: a failed build may have left changes behind, and the tree was clean before the deployment
        steps.add(Step.of("checkout", StepKind.CHECKOUT, code, tag, "force"));
        if (previousStatic != null) {
            steps.add(Step.of("switch-static", StepKind.SWITCH_STATIC, Names.absolutePath(flavor.staticPath()),
                    Names.absolutePath(previousStatic)));
        }
        List<String> units = units(container, flavor);
        units.forEach(unit -> steps.add(Step.of("restart:" + unit, StepKind.RESTART, unit)));
        steps.add(health(tag, flavor, units));
        return new Plan(container.name(), container.flavor(), tag, steps);
    }

    /** The flavor's units in configured order, keeping only those the fleet view lists for the container. */
    public static List<String> units(ContainerFacts container, FlavorSettings flavor) {
        List<String> units = flavor.units().stream().filter(container::runs).toList();
        units.forEach(unit -> Names.systemdUnit(unit + ".service"));
        return units;
    }

    private static Step health(String tag, FlavorSettings flavor, List<String> units) {
        List<String> args = new ArrayList<>(List.of(tag, flavor.healthPath()));
        args.addAll(units);
        return new Step("health", StepKind.HEALTH, args);
    }

    private static String buildName(List<String> command) {
        String program = command.get(0);
        String base = program.substring(program.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
