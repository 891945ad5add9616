package org.offops.testkit;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The current JVM's classpath as plain file paths, expanding Surefire's manifest-only booter jar. */
final class Classpath {

    private Classpath() {
    }

    static String current() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(entry));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> expand(String entry) {
        if (!entry.endsWith(".jar")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || jar.getEntry("org/apache/kafka") != null) {
                return List.of(entry);
            }
            // A jar that only points at others (Surefire's booter): the child JVM must not depend on it, it is deleted.
            List<String> expanded = new ArrayList<>(List.of(entry));
            URI base = Path.of(entry).toUri();
            for (String ref : classPath.trim().split("\\s+")) {
                expanded.add(Path.of(base.resolve(ref)).toString());
            }
            return expanded;
        } catch (IOException | IllegalArgumentException e) {
            return List.of(entry);
        }
    }
}
