package org.offops.network.api;

import org.offops.network.domain.Link;

/** The body of POST/PUT /links: the two stunnel ends, the client's listener and the target. */
public record LinkRequest(String name, String client, String clientAddress, Integer clientPort, String server,
                          Integer serverPort, String target, Integer targetPort) {

    Link toLink(String pathName) {
        String linkName = pathName != null ? pathName : name;
        return new Link(linkName, client, clientAddress == null ? "127.0.0.1" : clientAddress, orZero(clientPort),
                server, orZero(serverPort), target, orZero(targetPort));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
