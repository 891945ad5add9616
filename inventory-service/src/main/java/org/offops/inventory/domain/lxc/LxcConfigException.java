package org.offops.inventory.domain.lxc;

/**
 * A Proxmox container configuration that offops refuses to read: the message names the line ({@code "line 7: ..."}) so
 * that an operator can open {@code /etc/pve/lxc/<vmid>.conf} and fix it, and {@link #lineNumber()} gives it as data.
 */
public final class LxcConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String reason;

    public LxcConfigException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** 1-based number of the offending line in the text given to {@link LxcConfigParser#parse(String)}. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The message without the {@code "line N: "} prefix. */
    public String reason() {
        return reason;
    }
}
