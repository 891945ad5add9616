package org.offops.proxy.domain;

/** What applying a plan does to one file on the host. */
public enum FileAction {
    CREATE,
    UPDATE,
    DELETE,
    UNCHANGED
}
