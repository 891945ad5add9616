package org.offops.testkit.fleet;

import org.offops.fleet.FleetSpec;
import org.offops.fleet.FleetSpecException;
import org.offops.fleet.FleetSpecReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Shared helpers of the fleet-in-a-box tests. */
final class FleetTesting {

    private FleetTesting() {
    }

    static FleetSpec shippedFleet() throws IOException {
        return FleetSpecReader.read(org.offops.testkit.Repo.fleetFile());
    }

    /** A fresh root and a random 127.N.0.0/16 so concurrent runs on this machine do not collide. */
    static FleetBox.Builder testBox(String... hosts) throws IOException {
        Path root = Files.createTempDirectory("fleet-test-");
        return FleetBox.builder(shippedFleet()).root(root).hosts(hosts).sshPort(0)
                .loopbackNet(100 + ThreadLocalRandom.current().nextInt(100));
    }

    /** Stops the box, checks that nothing is left, and deletes its (temporary) root. */
    static void stopAndDelete(FleetBox box) {
        if (box == null) {
            return;
        }
        box.stop();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), box.leftoverProcesses());
        try {
            org.offops.testkit.TempDirs.deleteTree(box.root());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A plain HTTP/1.0 GET: "status line\nheaders\n\nbody". */
    record Http(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Http get(String address, int port, String hostHeader, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String response = bytes.toString(StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Http(status, head, body);
        }
    }
}
