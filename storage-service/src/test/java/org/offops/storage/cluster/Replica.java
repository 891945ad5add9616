package org.offops.storage.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.offops.testkit.Ports;
import org.offops.testkit.ServiceProcess;

/** One packaged storage-service replica, and what its log says its scheduler took (PolicyScheduler's "took" lines). */
final class Replica implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern TOOK = Pattern.compile("(storage-service/[0-9a-f-]{36}) took (\\S+) for (\\w+) slot"
            + " (\\S+) \\((FIRST|RETRY) claim\\)");

    private final String name;
    private final ServiceProcess process;
    private boolean killed;

    private Replica(String name, ServiceProcess process) {
        this.name = name;
        this.process = process;
    }

    /** Starts the packaged service as {@code name} with {@code env}; its log is target/it-logs/{@code name}.log. */
    static Replica start(String name, Map<String, String> env) {
        Path log = Path.of("target", "it-logs", name + ".log");
        try {
            Files.deleteIfExists(log); // ServiceProcess appends: an earlier run's lines would count as this run's
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Replica(name, ServiceProcess.start(name, JAR, Ports.free(), env, log));
    }

    /** What the scheduler logged for one snapshot: holder, dataset@snapshot, period, slot, and FIRST or RETRY. */
    record Took(String holder, String snapshot, String period, String slot, String claim) {
    }

    List<Took> took() {
        try {
            return Files.readAllLines(process.log()).stream().map(TOOK::matcher).filter(Matcher::find)
                    .map(m -> new Took(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scheduler's lease holder name, once it has taken a snapshot. */
    Optional<String> holder() {
        return took().stream().map(Took::holder).findFirst();
    }

    String name() {
        return name;
    }

    String url() {
        return process.url();
    }

    boolean killed() {
        return killed;
    }

    /** SIGKILL, as an OOM kill or a power cut would end it. */
    void kill() {
        killed = true;
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " (" + process.log() + ")";
    }
}
