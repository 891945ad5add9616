package org.offops.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the repository (its fleet file, deployment files) and the shared production fixtures beside it. */
public final class Repo {

    /** Env var naming the shared fixtures directory, overriding {@code <repository root>/../shared/fixtures}. */
    public static final String FIXTURES_ENV = "OFFOPS_FIXTURES";

    private static final String FLEET_FILE = "deploy/fleet/off.yaml";

    private Repo() {
    }

    /** The checkout: the first directory at or above the working directory with pom.xml and deploy/fleet/off.yaml. */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve(FLEET_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no offops checkout (pom.xml + " + FLEET_FILE + ") at or above " + start);
    }

    /** The OFF fleet file the fleet-in-a-box and the local stack use. */
    public static Path fleetFile() {
        return root().resolve(FLEET_FILE);
    }

    /** {@code $OFFOPS_FIXTURES}, else {@code ../shared/fixtures} beside the checkout; it may not exist. */
    public static Path sharedFixturesDir() {
        String env = System.getenv(FIXTURES_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return root().resolve("../shared/fixtures").normalize();
    }

    /**
     * {@code sub} of the shared fixtures (e.g. "off-infra"), or the calling test is aborted (reported as skipped)
     * with a message that says where they were expected: they carry no license, so they live beside the clone
     * (as in CI), never in it.
     */
    public static Path sharedFixtures(String sub) {
        Path dir = sharedFixturesDir().resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "shared production fixtures absent: " + dir
                + " does not exist (CI has ../shared/fixtures beside the clone; set " + FIXTURES_ENV
                + " to run this conformance test elsewhere)");
        return dir;
    }
}
