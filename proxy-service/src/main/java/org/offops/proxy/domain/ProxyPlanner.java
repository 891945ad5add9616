package org.offops.proxy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.offops.remote.Digests;

/** Compares a rendered configuration with the host's live files into a plan; files offops no longer renders go. */
public final class ProxyPlanner {

    private ProxyPlanner() {
    }

    /**
     * @param live            content of each path as read on the host (a missing key or null value: absent)
     * @param previouslyOwned paths offops applied before on this host (removed if no longer rendered)
     */
    public static ProxyPlan plan(RenderedConfig desired, Map<String, String> live, Set<String> previouslyOwned) {
        List<PlannedFile> files = new ArrayList<>();
        desired.files().forEach((path, content) -> {
            String current = live.get(path);
            FileAction action = current == null ? FileAction.CREATE
                    : current.equals(content) ? FileAction.UNCHANGED : FileAction.UPDATE;
            files.add(new PlannedFile(path, action, content, Digests.sha256Hex(content),
                    LineDiff.unified(path, current, content)));
        });
        for (String path : new TreeSet<>(previouslyOwned)) {
            if (!desired.files().containsKey(path) && live.get(path) != null) {
                files.add(new PlannedFile(path, FileAction.DELETE, null, null,
                        LineDiff.unified(path, live.get(path), null)));
            }
        }
        return new ProxyPlan(desired.host(), files);
    }

}
