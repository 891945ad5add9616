package org.offops.proxy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.offops.proxy.domain.PlannedFile;
import org.offops.proxy.domain.ProxyConfig;
import org.offops.proxy.domain.ProxyPlan;
import org.offops.remote.ExecOptions;
import org.offops.remote.ExecResult;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.remote.RemoteCommand;
import org.offops.remote.RemoteHost;
import org.offops.remote.SshExecutor;

/** The proxy host's side over SSH: read live files in one command, push + test + reload in one command. */
@ApplicationScoped
public class RemoteProxy {

    private static final Pattern SAFE_PATH = Pattern.compile("/etc/(nginx|fail2ban)/[A-Za-z0-9._/-]+");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final SshExecutor ssh;

    public RemoteProxy(SshExecutor ssh) {
        this.ssh = ssh;
    }

    /** Content of each path on the host, null for an absent file. */
    public Map<String, String> read(RemoteHost host, List<String> paths) {
        Map<String, String> files = new HashMap<>();
        if (paths.isEmpty()) {
            return files;
        }
        paths.forEach(RemoteProxy::checkPath);
        ExecResult result = ssh.run(host, RemoteCommand.script(ApplyScripts.READ_ALL, paths.toArray(String[]::new)),
                ExecOptions.defaults().withTimeout(TIMEOUT).withTailBytes(256 * 1024 * 1024)).orThrow();
        for (String line : result.stdoutTail().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String value = line.substring(tab + 1);
            files.put(line.substring(0, tab), value.equals("-") ? null
                    : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Writes and removes the plan's files, then {@code nginx -t} and reloads; refused configurations are undone. */
    public ApplyOutcome apply(RemoteHost host, ProxyPlan plan) {
        Map<String, byte[]> archive = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        args.add(plan.touchesFail2ban() ? "1" : "0");
        for (PlannedFile file : plan.writes()) {
            checkPath(file.path());
            archive.put(file.path().substring(1), file.content().getBytes(StandardCharsets.UTF_8));
            args.add(file.path());
        }
        args.add("--");
        for (PlannedFile file : plan.deletions()) {
            checkPath(file.path());
            args.add(file.path());
        }
        ExecResult result = ssh.run(host, RemoteCommand.script(ApplyScripts.APPLY, args.toArray(String[]::new)),
                ExecOptions.defaults().withTimeout(TIMEOUT).withStdin(TarWriter.archive(archive)));
        return switch (result.exitCode()) {
            case 0 -> ApplyOutcome.ok();
            case ApplyScripts.NGINX_REJECTED, ApplyScripts.FAIL2BAN_REJECTED, ApplyScripts.NGINX_RELOAD_FAILED ->
                    ApplyOutcome.refused(result.stderrTail().strip());
            case ApplyScripts.FAIL2BAN_RELOAD_FAILED -> new ApplyOutcome(true, result.stderrTail().strip());
            default -> {
                result.orThrow();
                yield ApplyOutcome.ok();
            }
        };
    }

    /** Runs {@code fail2ban-client} with {@code args} on the host and returns its standard output. */
    public String fail2banClient(RemoteHost host, String... args) {
        return ssh.run(host, RemoteCommand.of("fail2ban-client", args)).orThrow().stdoutTail();
    }

    /** The bytes of one file (a certificate), or null when absent. */
    public byte[] readBytes(RemoteHost host, String path) {
        Names.absolutePath(path);
        ExecResult result = ssh.run(host, RemoteCommand.script(ApplyScripts.READ_ALL, path)).orThrow();
        String line = result.stdoutTail().strip();
        String value = line.substring(line.indexOf('\t') + 1);
        return value.equals("-") ? null : Base64.getDecoder().decode(value);
    }

    private static void checkPath(String path) {
        Names.absolutePath(path);
        if (!SAFE_PATH.matcher(path).matches() || !(path.startsWith(ProxyConfig.NGINX_DIR)
                || path.startsWith(ProxyConfig.FAIL2BAN_DIR))) {
            throw new InvalidNameException("path", path, "offops only manages files under /etc/nginx and /etc/fail2ban");
        }
    }
}
