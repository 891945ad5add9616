package org.offops.remote.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads the bare infrastructure repository back, for assertions: commits, files at head, every blob ever. */
final class InfraHistory {

    private final Path bare;

    InfraHistory(Path bare) {
        this.bare = bare;
    }

    String head() throws IOException {
        try (Repository repo = open()) {
            return repo.resolve("refs/heads/main").name();
        }
    }

    /** Full commit messages of main, newest first. */
    List<String> messages() throws IOException {
        List<String> messages = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/main")));
            for (RevCommit commit : walk) {
                messages.add(commit.getFullMessage());
            }
        }
        return messages;
    }

    byte[] blobAtHead(String path) throws IOException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            RevCommit head = walk.parseCommit(repo.resolve("refs/heads/main"));
            try (TreeWalk tree = TreeWalk.forPath(repo, path, head.getTree())) {
                if (tree == null) {
                    throw new AssertionError(path + " is not in the head commit");
                }
                return repo.open(tree.getObjectId(0)).getBytes();
            }
        }
    }

    /** The content of every file in every commit reachable from any ref. */
    List<byte[]> everyBlobInHistory() throws IOException {
        List<byte[]> blobs = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                walk.markStart(walk.parseCommit(ref.getObjectId()));
            }
            for (RevCommit commit : walk) {
                try (TreeWalk tree = new TreeWalk(repo)) {
                    tree.addTree(commit.getTree());
                    tree.setRecursive(true);
                    while (tree.next()) {
                        ObjectId blob = tree.getObjectId(0);
                        blobs.add(repo.open(blob).getBytes());
                    }
                }
            }
        }
        return blobs;
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).build();
    }
}
