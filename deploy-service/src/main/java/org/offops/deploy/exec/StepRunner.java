package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.Step;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/** Runs one attempt of one step on a container; every failure becomes an outcome naming host and command. */
@ApplicationScoped
public class StepRunner {

    private final SshExecutor ssh;
    private final StaticUpload upload;
    private final HealthProbe health;
    private final AssetCache assets;
    private final StepRunnerSupport support;

    public StepRunner(SshExecutor ssh, StaticUpload upload, HealthProbe health, AssetCache assets,
                      StepRunnerSupport support) {
        this.ssh = ssh;
        this.upload = upload;
        this.health = health;
        this.assets = assets;
        this.support = support;
    }

    public StepOutcome run(StepContext context, Step step) {
        long start = System.nanoTime();
        RemoteHost host = context.host();
        try {
            return switch (step.kind()) {
                case DOWNLOAD_ASSET -> assets.fetch(step.arg(0), start);
                case UPLOAD_STATIC -> upload.run(context, assets.checked(context.assetUrl()), step, start);
                case HEALTH -> health.check(host, step, start);
                case GIT_STATUS_CLEAN -> gitStatus(remote(host, command(step), start));
                default -> remote(host, command(step), start);
            };
        } catch (RemoteException e) {
            return StepOutcome.failure(e.exitCode().isPresent() ? e.exitCode().getAsInt() : null,
                    e.result().map(r -> r.stdoutTail() + r.stderrTail()).orElse(""), e.getMessage(), millis(start));
        } catch (RuntimeException e) {
            // a refused or unreadable archive, a name the host layer refuses: the step fails, the pipeline goes on
            return StepOutcome.failure(null, "", step.name() + " on " + host.describe() + ": " + e.getMessage(),
                    millis(start));
        }
    }

    StepOutcome remote(RemoteHost host, RemoteCommand command, long start) {
        ExecResult result = ssh.run(host, command, support.options());
        String output = result.stdoutTail() + result.stderrTail();
        if (!result.ok()) {
            return StepOutcome.failure(result.exitCode(), output, RemoteException.failed(result).getMessage(),
                    millis(start));
        }
        return StepOutcome.success(result.exitCode(), output, Map.of(), millis(start));
    }

    private static StepOutcome gitStatus(StepOutcome outcome) {
        if (!outcome.ok()) {
            return outcome;
        }
        Map<String, String> facts = new java.util.HashMap<>();
        for (String line : outcome.outputTail().split("\n")) {
            if (line.startsWith("head=")) {
                facts.put("previousTag", line.substring(5).strip());
            } else if (line.startsWith("static=")) {
                facts.put("previousStatic", line.substring(7).strip());
            }
        }
        return StepOutcome.success(outcome.exitCode(), outcome.outputTail(), facts, outcome.durationMs());
    }

    static RemoteCommand command(Step step) {
        List<String> a = step.args();
        return switch (step.kind()) {
            case GIT_STATUS_CLEAN -> RemoteCommand.script(DeployScripts.GIT_STATUS, a.toArray(String[]::new));
            case FETCH -> RemoteCommand.script(DeployScripts.FETCH, a.get(0));
            case CHECKOUT -> RemoteCommand.script(DeployScripts.CHECKOUT, a.toArray(String[]::new));
            case VERIFY_LAYOUT -> RemoteCommand.script(DeployScripts.VERIFY_LAYOUT, a.toArray(String[]::new));
            case BUILD -> RemoteCommand.script(DeployScripts.BUILD, a.toArray(String[]::new));
            case SWITCH_STATIC -> RemoteCommand.script(DeployScripts.SWITCH_STATIC, a.get(0), a.get(1));
            case RESTART -> RemoteCommand.of("systemctl", "restart", a.get(0));
            case PRUNE_RELEASES -> RemoteCommand.script(DeployScripts.PRUNE, a.get(0), a.get(1), a.get(2));
            default -> throw new IllegalArgumentException(step.kind() + " is not a single remote command");
        };
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
