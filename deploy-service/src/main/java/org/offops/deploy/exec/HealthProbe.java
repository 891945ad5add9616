package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.Step;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/**
 * The health step: every restarted unit is active ({@code systemctl is-active} over SSH) and the container's
 * backend answers {@code GET http://<container address>:80<health path>} with the expected release.
 */
@ApplicationScoped
public class HealthProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SshExecutor ssh;
    private final StepRunnerSupport support;

    public HealthProbe(SshExecutor ssh, StepRunnerSupport support) {
        this.ssh = ssh;
        this.support = support;
    }

    StepOutcome check(RemoteHost host, Step step, long start) {
        String tag = step.arg(0);
        List<String> units = step.args().subList(2, step.args().size());
        String output = "";
        if (!units.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("is-active"));
            args.addAll(units);
            ExecResult active = ssh.run(host, new RemoteCommand("systemctl", args), support.options()).orThrow();
            output = active.stdoutTail();
        }
        String url = "http://" + (host.address().contains(":") ? "[" + host.address() + "]" : host.address())
                + step.arg(1);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String served = response.body().strip();
            if (response.statusCode() != 200 || !served.equals(tag)) {
                return StepOutcome.failure(null, output, "backend " + url + " of " + host.describe() + " answered "
                        + response.statusCode() + " '" + StepOutcome.tail(served, 100) + "', expected '" + tag + "'",
                        StepRunner.millis(start));
            }
            return StepOutcome.success(0, output + url + " serves " + tag, null, StepRunner.millis(start));
        } catch (IOException e) {
            return StepOutcome.failure(null, output, "backend " + url + " of " + host.describe()
                    + " unreachable: " + e, StepRunner.millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepOutcome.failure(null, output, "interrupted", StepRunner.millis(start));
        }
    }
}
