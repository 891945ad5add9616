package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.offops.deploy.domain.StepOutcome;
import org.offops.deploy.domain.plan.Step;
import org.offops.remote.ExecResult;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteFiles;
import org.offops.remote.SshExecutor;

/**
 * Streams the checked archive into a fresh {@code <releases>/.incoming-<tag>-<deployment>} and renames it to
 * {@code <releases>/<tag>}: a release directory is complete or absent, and never changed once there.
 */
@ApplicationScoped
public class StaticUpload {

    private final SshExecutor ssh;
    private final RemoteFiles files;
    private final StepRunnerSupport support;

    public StaticUpload(SshExecutor ssh, RemoteFiles files, StepRunnerSupport support) {
        this.ssh = ssh;
        this.files = files;
        this.support = support;
    }

    StepOutcome run(StepContext context, Path archive, Step step, long start) {
        String releases = step.arg(0);
        String tag = step.arg(1);
        String incoming = ".incoming-" + tag.replace('/', '_') + "-" + context.deploymentId().substring(0, 8);
        ssh.run(context.host(), RemoteCommand.script(DeployScripts.PREPARE_UPLOAD, releases, incoming),
                support.options()).orThrow();
        try (InputStream in = Files.newInputStream(archive)) {
            files.extractArchive(context.host(), in, releases + "/" + incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the checked archive " + archive, e);
        }
        ExecResult done = ssh.run(context.host(), RemoteCommand.script(DeployScripts.FINISH_UPLOAD, releases,
                incoming, tag), support.options()).orThrow();
        return StepOutcome.success(0, done.stdoutTail(), null, StepRunner.millis(start));
    }
}
