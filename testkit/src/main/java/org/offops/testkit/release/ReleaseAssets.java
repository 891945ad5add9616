package org.offops.testkit.release;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Release archives on disk, served at GitHub's asset paths ({@code /<repo>/releases/download/<tag>/<asset>}) on loopback. */
final class ReleaseAssets implements AutoCloseable {

    private final Path dir;
    private final String repository;
    private final String asset;
    private final HttpServer server;
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();

    private ReleaseAssets(Path dir, String repository, String asset, HttpServer server) {
        this.dir = dir;
        this.repository = repository;
        this.asset = asset;
        this.server = server;
    }

    static ReleaseAssets start(Path dir, String repository, String asset) throws IOException {
        Files.createDirectories(dir);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ReleaseAssets assets = new ReleaseAssets(dir, repository, asset, server);
        server.createContext("/", assets::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "release-assets");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return assets;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String url(String tag) {
        return baseUrl() + repository + "/releases/download/" + tag + "/" + asset;
    }

    Path file(String tag) {
        return dir.resolve(tag).resolve(asset);
    }

    int downloads(String tag) {
        return downloads.getOrDefault(tag, new AtomicInteger()).get();
    }

    /** Builds the archive of {@code tag} from {@code tree} with the real tar: sorted, owner 0, mtime 0. */
    void publish(String tag, Map<String, String> tree) throws IOException {
        Path stage = Files.createDirectories(dir.resolve(".stage-" + tag));
        List<String> command = new ArrayList<>(List.of("tar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0",
                "--numeric-owner", "-czf", file(tag).toString(), "-C", stage.toString()));
        for (Map.Entry<String, String> entry : tree.entrySet()) {
            Path path = stage.resolve(entry.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, entry.getValue());
        }
        try (var top = Files.list(stage)) {
            top.map(p -> p.getFileName().toString()).sorted().forEach(command::add);
        }
        Files.createDirectories(file(tag).getParent());
        run(command);
        run(List.of("rm", "-rf", stage.toString()));
    }

    void replace(String tag, byte[] tgz) throws IOException {
        Files.createDirectories(file(tag).getParent());
        Files.write(file(tag), tgz);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String prefix = "/" + repository + "/releases/download/";
            String path = exchange.getRequestURI().getPath();
            String tag = path.startsWith(prefix) && path.endsWith("/" + asset)
                    ? path.substring(prefix.length(), path.length() - asset.length() - 1) : null;
            if (tag == null || tag.contains("/") || tag.contains("..") || !Files.isRegularFile(file(tag))) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            downloads.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
            byte[] body = Files.readAllBytes(file(tag));
            exchange.getResponseHeaders().add("Content-Type", "application/gzip");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
