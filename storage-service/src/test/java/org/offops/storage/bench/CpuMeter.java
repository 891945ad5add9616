package org.offops.storage.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU seconds per part of the benchmark (the service, the source host, the target hosts, Kafka), so a round's time
 * can be read against the machine's cores: on a small machine the pulls are CPU-bound, not waiting on each other.
 */
final class CpuMeter {

    private final Map<String, List<LongSupplier>> parts;

    /** @param parts each part's process-tree roots (PIDs asked at every reading: a host's sshd may restart) */
    CpuMeter(Map<String, List<LongSupplier>> parts) {
        this.parts = parts;
    }

    Map<String, Double> now() {
        Map<String, Double> out = new LinkedHashMap<>();
        parts.forEach((part, roots) -> out.put(part, roots.stream().mapToLong(LongSupplier::getAsLong)
                .filter(pid -> pid > 0).mapToDouble(ProcTree::cpuSeconds).sum()));
        return out;
    }

    static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((part, seconds) -> out.put(part, seconds - before.getOrDefault(part, 0.0)));
        return out;
    }
}
