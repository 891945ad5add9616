package org.offops.deploy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.offops.deploy.domain.DeployConfig;

/** Downloads a release asset over HTTP(S), following GitHub's redirect, refusing anything over the size limit. */
@ApplicationScoped
public class AssetDownload {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final DeployConfig config;

    public AssetDownload(DeployConfig config) {
        this.config = config;
    }

    void to(String url, Path file) throws IOException {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("only http(s) asset URLs are downloaded");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.stepTimeout()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > config.archiveMaxBytes()) {
                        throw new IOException("larger than " + config.archiveMaxBytes() + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
