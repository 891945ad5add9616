package org.offops.events.storage;

import org.offops.events.OffopsEvent;

/**
 * The ZFS clone {@code cloneDataset} was re-created from a newer origin snapshot.
 *
 * <p>Not named {@code clone}: a record component may not shadow {@link Object#clone()}.
 */
public record CloneRefreshed(
        String server,
        String cloneDataset,
        String originSnapshot,
        String previousOriginSnapshot) implements OffopsEvent {

    public static final String TYPE = "offops.storage.CloneRefreshed";
}
