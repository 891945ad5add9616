package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import org.offops.deploy.domain.DeployConfig;
import org.offops.remote.ExecOptions;

/** The exec options every step command shares: the configured step timeout, a bounded output tail. */
@ApplicationScoped
public class StepRunnerSupport {

    private final DeployConfig config;

    public StepRunnerSupport(DeployConfig config) {
        this.config = config;
    }

    public ExecOptions options() {
        return ExecOptions.defaults().withTimeout(config.stepTimeout()).withTailBytes(16 * 1024);
    }
}
