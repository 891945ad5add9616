package org.offops.storage.exec;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteException;
import org.offops.remote.SshExecutor;
import org.offops.storage.domain.clone.ClonePlan;
import org.offops.storage.domain.clone.CloneStep;

/**
 * Runs a clone plan's zfs steps in order, stopping at the first failure. A failure between the two renames of a swap
 * puts the old clone back at once, so the name keeps a usable clone; the next refresh finishes from the leftovers.
 */
@ApplicationScoped
public class CloneSteps {

    private static final Logger LOG = Logger.getLogger(CloneSteps.class);
    private final SshExecutor ssh;

    public CloneSteps(SshExecutor ssh) {
        this.ssh = ssh;
    }

    void run(CloneTarget target, ClonePlan plan) {
        String clone = target.rule().cloneDataset();
        String aside = target.rule().aside();
        boolean nameEmpty = false;
        for (CloneStep step : plan.steps()) {
            ExecResult result = ssh.run(target.host(), new RemoteCommand("zfs", step.args()));
            if (!result.ok()) {
                if (nameEmpty) {
                    putBack(target, aside, clone);
                }
                throw RemoteException.failed(result);
            }
            if (step.action() == CloneStep.Action.RENAME) {
                nameEmpty = step.args().get(1).equals(clone) && step.args().get(2).equals(aside)
                        || (nameEmpty && !step.args().get(2).equals(clone));
            }
        }
    }

    private void putBack(CloneTarget target, String aside, String clone) {
        try {
            ExecResult back = ssh.run(target.host(), RemoteCommand.of("zfs", "rename", aside, clone));
            if (!back.ok()) {
                LOG.warnf("could not put %s back at %s on %s (the next refresh does): %s", aside, clone,
                        target.server(), back.stderrTail());
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not put %s back at %s on %s (the next refresh does): %s", aside, clone, target.server(),
                    e.getMessage());
        }
    }
}
