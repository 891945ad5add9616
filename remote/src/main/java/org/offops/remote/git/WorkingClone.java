package org.offops.remote.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/** One local clone of the infrastructure repository, brought level with origin before every change. */
final class WorkingClone implements AutoCloseable {

    private final Git git;
    private final String branch;

    private WorkingClone(Git git, String branch) {
        this.git = git;
        this.branch = branch;
    }

    static WorkingClone open(String remoteUrl, Path directory, String branch) throws IOException, GitAPIException {
        if (Files.isDirectory(directory.resolve(".git"))) {
            Git git = Git.open(directory.toFile());
            String origin = git.getRepository().getConfig().getString("remote", "origin", "url");
            if (!remoteUrl.equals(origin)) {
                git.close();
                throw new IllegalStateException("working clone " + directory + " tracks " + origin + ", not "
                        + remoteUrl);
            }
            return new WorkingClone(git, branch);
        }
        Git git = Git.cloneRepository().setURI(remoteUrl).setDirectory(directory.toFile()).setBranch(branch).call();
        return new WorkingClone(git, branch);
    }

    /** Drops whatever this clone had that origin has not, so each change is written on top of origin's head. */
    void levelWithOrigin() throws GitAPIException, IOException {
        String tracking = "refs/remotes/origin/" + branch;
        git.fetch().setRemote("origin").setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + tracking)).call();
        ObjectId originHead = git.getRepository().resolve(tracking);
        if (originHead != null) {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(originHead.name()).call();
        }
        git.clean().setCleanDirectories(true).setForce(true).setIgnore(false).call();
    }

    /** Writes and stages the files; says whether anything differs from the head. */
    boolean stage(Map<String, byte[]> filesByRepoPath) throws IOException, GitAPIException {
        File workTree = git.getRepository().getWorkTree();
        // one add for all files: each add rewrites the whole index (502 proxy files took 11 s one by one)
        var add = git.add();
        for (Map.Entry<String, byte[]> file : filesByRepoPath.entrySet()) {
            Path target = workTree.toPath().resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
            add.addFilepattern(file.getKey());
        }
        if (!filesByRepoPath.isEmpty()) {
            add.call();
        }
        Status status = git.status().call();
        return !status.getAdded().isEmpty() || !status.getChanged().isEmpty() || !status.getRemoved().isEmpty();
    }

    String commit(String message, PersonIdent author) throws GitAPIException {
        RevCommit commit = git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false)
                .call();
        return commit.name();
    }

    /** Pushes the branch; empty when origin moved on meanwhile (the caller levels and tries again). */
    Optional<String> push() throws GitAPIException {
        String ref = "refs/heads/" + branch;
        for (PushResult result : git.push().setRemote("origin").setRefSpecs(new RefSpec(ref + ":" + ref)).call()) {
            RemoteRefUpdate update = result.getRemoteUpdate(ref);
            switch (update.getStatus()) {
                case OK, UP_TO_DATE:
                    return Optional.of(update.getNewObjectId().name());
                case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED, REJECTED_OTHER_REASON:
                    return Optional.empty();
                default:
                    throw new IllegalStateException("push of " + ref + " failed: " + update.getStatus() + " "
                            + update.getMessage());
            }
        }
        throw new IllegalStateException("push of " + ref + " reported nothing");
    }

    String head() throws IOException {
        ObjectId head = git.getRepository().resolve("HEAD");
        return head == null ? null : head.name();
    }

    @Override
    public void close() {
        git.close();
    }
}
