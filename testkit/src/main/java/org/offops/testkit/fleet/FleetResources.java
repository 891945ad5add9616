package org.offops.testkit.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a classpath directory (from target/classes or from the testkit jar) to a real directory. */
final class FleetResources {

    private FleetResources() {
    }

    /**
     * Copies every file under the classpath directory {@code resourceDir} (e.g. {@code fleet/bin}) into
     * {@code target}, keeping sub-directories and replacing existing files atomically. Files that start with
     * {@code #!} become 0755, others 0644 (a jar keeps no modes).
     */
    static void copyTree(String resourceDir, Path target) throws IOException {
        URL url = FleetResources.class.getClassLoader().getResource(resourceDir);
        if (url == null) {
            throw new IOException("classpath directory " + resourceDir + " not found (is the testkit jar complete?)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            try {
                copy(jar.getPath("/" + resourceDir), target);
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        } else {
            copy(Path.of(uri), target);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path relative = source.relativize(file);
            Path destination = target;
            for (Path part : relative) {
                destination = destination.resolve(part.toString());
            }
            Files.createDirectories(destination.getParent());
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readAllBytes();
            }
            Path temporary = destination.resolveSibling("." + destination.getFileName() + ".tmp");
            Files.write(temporary, content);
            boolean script = content.length > 1 && content[0] == '#' && content[1] == '!';
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(script ? "rwxr-xr-x" : "rw-r--r--"));
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The text of one classpath resource. */
    static String text(String resource) throws IOException {
        try (InputStream in = FleetResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("classpath resource " + resource + " not found");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
