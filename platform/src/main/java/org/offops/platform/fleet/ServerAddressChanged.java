package org.offops.platform.fleet;

/**
 * Fired (CDI, in the transaction applying the inventory event) when the fleet view learns a server at a new SSH
 * address, so that a service can re-render what names the address; {@code before} is null for a server not known yet.
 */
public record ServerAddressChanged(String server, String before, String after) {
}
