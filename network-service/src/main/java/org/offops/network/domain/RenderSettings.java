package org.offops.network.domain;

/**
 * Global lines of a rendered off.conf: production drops root to {@code setuid}; the pid file lives in the
 * unit's RuntimeDirectory; {@code output} is where {@code /links/{id}/check} reads stunnel's errors from.
 *
 * @param setuid unix user (and group) stunnel drops to, or empty to stay root
 */
public record RenderSettings(String setuid, String pid, String output, String debug) {

    public static RenderSettings production() {
        return new RenderSettings("stunnel4", "/run/stunnel-off/stunnel.pid", "/var/log/stunnel4/off.log", "notice");
    }

    /** The owner of PSK files: stunnel re-reads them on reload after dropping root. */
    public String pskOwner() {
        return setuid.isEmpty() ? "root:root" : setuid + ":" + setuid;
    }
}
