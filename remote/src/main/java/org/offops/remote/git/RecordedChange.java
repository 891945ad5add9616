package org.offops.remote.git;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;

/** Turns one applied change into repository paths and a commit message, refusing bad names and secrets first. */
final class RecordedChange {

    private RecordedChange() {
    }

    /** {@code /etc/x.conf} on {@code off1} becomes {@code confs/off1/etc/x.conf}; every file is guarded first. */
    static Map<String, byte[]> filesByRepoPath(String server, Map<String, byte[]> files) {
        Names.hostName(server);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a change records at least one file");
        }
        Map<String, byte[]> byRepoPath = new LinkedHashMap<>();
        files.forEach((path, content) -> {
            Names.absolutePath(path);
            if (("/" + path.toLowerCase(Locale.ROOT) + "/").contains("/.git/")) {
                throw new InvalidNameException("path", path, "must not contain a .git component");
            }
            SecretGuard.check(path, content);
            byRepoPath.put("confs/" + server + path, content.clone());
        });
        return byRepoPath;
    }

    /** The caller's message, then trailers naming the server and the causing event. */
    static String message(String server, String eventId, String message) {
        if (eventId == null || !eventId.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new InvalidNameException("event id", eventId, "must match [A-Za-z0-9._:-]{1,100}");
        }
        SecretGuard.checkText("commit message", message);
        return message.strip().replace("\r", "") + "\n\nServer: " + server + "\nEvent-Id: " + eventId + "\n";
    }
}
