package org.offops.proxy.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A plain HTTP/1.0 client that sets any Host header (java.net.http refuses to), as a browser of a flavor would. */
final class ProxyClient {

    /** Status, lower-cased headers and body of one answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private ProxyClient() {
    }

    static Answer get(String address, int port, String host, String path, String userAgent) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: " + userAgent
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end < 0 ? response.length() : end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    end < 0 ? "" : response.substring(end + 4));
        }
    }

    static Answer get(String address, int port, String host, String path) throws IOException {
        return get(address, port, host, path, "Mozilla/5.0 (X11; Linux x86_64) offops-test");
    }
}
