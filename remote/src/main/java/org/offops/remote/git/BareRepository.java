package org.offops.remote.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/** Creates the default remote: a local bare repository whose branch starts with one empty commit. */
final class BareRepository {

    private BareRepository() {
    }

    static void init(Path directory, String branch) {
        try (Git git = Git.init().setBare(true).setInitialBranch(branch).setDirectory(directory.toFile()).call()) {
            Repository repository = git.getRepository();
            if (repository.resolve("refs/heads/" + branch) != null) {
                return;
            }
            // a first commit lets every writer clone a branch and keeps concurrent first pushes ordinary rejections
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                PersonIdent ident = new PersonIdent("offops", "offops@localhost");
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(new TreeFormatter()));
                commit.setAuthor(ident);
                commit.setCommitter(ident);
                commit.setMessage("Initialize the infrastructure repository\n");
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repository.updateRef("refs/heads/" + branch);
                update.setNewObjectId(id);
                update.setExpectedOldObjectId(ObjectId.zeroId());
                RefUpdate.Result result = update.update();
                if (result != RefUpdate.Result.NEW) {
                    throw new IllegalStateException("cannot create " + branch + " in " + directory + ": " + result);
                }
            }
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot initialize bare repository " + directory, e);
        }
        if (!Files.isDirectory(directory.resolve("refs"))) {
            throw new IllegalStateException(directory + " is not a bare repository");
        }
    }
}
