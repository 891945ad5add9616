package org.offops.storage.domain;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The module's own fixtures (classpath) and the production fixtures in ../shared/fixtures (never copied here). */
public final class Fixtures {

    private Fixtures() {
    }

    public static String own(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ../shared/fixtures/off-infra above the working directory, or the test is aborted with the reason. */
    public static Path offInfra() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/off-infra");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        abort("production fixtures absent: no shared/fixtures/off-infra above " + Path.of("").toAbsolutePath()
                + " (they are not redistributable and live outside the repository)");
        return null;
    }

    /** Every file of off-infra with this file name, e.g. sanoid.conf, in path order. */
    public static List<Path> offInfraFiles(String fileName) {
        try (Stream<Path> files = Files.walk(offInfra())) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
