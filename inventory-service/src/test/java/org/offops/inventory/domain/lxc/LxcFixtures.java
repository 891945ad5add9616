package org.offops.inventory.domain.lxc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.offops.testkit.Repo;

/**
 * The configurations the tests read: the project's own fixtures (invented containers, {@code src/test/resources/lxc})
 * and, when present, the real production files under {@code ../shared/fixtures}, which carry no license and are read
 * in place, never copied into the repository.
 */
final class LxcFixtures {

    /**
     * Container configurations as Proxmox names them ({@code 101.conf}) or as copied out of {@code /etc/pve} by hand
     * ({@code lxc_101.conf}). Other {@code .conf} files that live in {@code /etc/pve} (corosync.conf) are not container
     * configurations, and VM configurations ({@code qemu-server/}) have another schema.
     */
    private static final Pattern CONTAINER_CONF = Pattern.compile("(?:lxc[_-]?)?[0-9]+\\.conf");

    private LxcFixtures() {
    }

    /** File name to text, for every own fixture. */
    static Map<String, String> own() {
        URL url = LxcFixtures.class.getResource("/lxc");
        if (url == null) {
            throw new IllegalStateException("test resources directory lxc/ is missing");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            Map<String, String> texts = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String own(String name) {
        String text = own().get(name);
        if (text == null) {
            throw new IllegalArgumentException("no fixture lxc/" + name);
        }
        return text;
    }

    static LxcConfig parseOwn(String name) {
        return LxcConfigParser.parse(own(name));
    }

    /** Where the shared fixtures should be ({@link Repo#sharedFixturesDir()}); the directory may not exist. */
    static Path sharedFixturesDir() {
        return Repo.sharedFixturesDir();
    }

    /** Container configuration files in a {@code pve} directory below {@code fixtures}, sorted by path. */
    static List<Path> pveContainerConfs(Path fixtures) {
        try (Stream<Path> files = Files.walk(fixtures)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> CONTAINER_CONF.matcher(f.getFileName().toString()).matches())
                    .filter(f -> {
                        String dirs = fixtures.relativize(f).getParent() == null ? ""
                                : fixtures.relativize(f).getParent().toString().toLowerCase(Locale.ROOT);
                        return dirs.contains("pve") && !dirs.contains("qemu");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
