package org.offops.network.domain;

/** A tunnel found in existing configs: the client section's host and accept, the server's accept and connect. */
public record ImportedLink(String name, String client, String clientAccept, String server, String serverAccept,
                           String connect, String pskPath) {
}
