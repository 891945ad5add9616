package org.offops.testkit.ssh;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a test sshd by its PID (and its per-connection children), never by process name. */
final class SshdProcesses {

    private SshdProcesses() {
    }

    static void stop(Process process) {
        // the listener's children serve open connections and would outlive it
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
