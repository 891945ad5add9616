package org.offops.proxy.exec;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.offops.proxy.domain.Fail2banRenderer;
import org.offops.proxy.domain.JailStatus;
import org.offops.proxy.store.BanRecorder;
import org.offops.proxy.store.ProxyStore;
import org.offops.remote.RemoteHost;

/** Bans and unbans addresses in a jail of every proxy host through {@code fail2ban-client}, and lists the bans. */
@ApplicationScoped
public class Bans {

    private final ProxyStore store;
    private final ProxyHosts hosts;
    private final RemoteProxy remote;
    private final BanRecorder recorder;

    public Bans(ProxyStore store, ProxyHosts hosts, RemoteProxy remote, BanRecorder recorder) {
        this.store = store;
        this.hosts = hosts;
        this.remote = remote;
        this.recorder = recorder;
    }

    /** The proxy hosts a ban reaches. */
    public List<String> proxyHosts() {
        return store.desired().proxyHosts();
    }

    public void ban(String ip, String jail, String actor) {
        for (String host : proxyHosts()) {
            remote.fail2banClient(hosts.target(host).remote(), "set", jail, "banip", ip);
        }
        recorder.banned(ip, jail, actor);
    }

    /** Lifts the ban from the jail it was made in (the manual-ban jail when offops did not make it). */
    public String unban(String ip, String actor) {
        String jail = recorder.jailOf(ip).orElse(Fail2banRenderer.MANUAL_BAN_JAIL);
        for (String host : proxyHosts()) {
            remote.fail2banClient(hosts.target(host).remote(), "set", jail, "unbanip", ip);
        }
        recorder.lifted(ip, jail, actor);
        return jail;
    }

    /** Every jail of every proxy host with its bans, as fail2ban reports them now. */
    public List<JailStatus> list() {
        List<JailStatus> statuses = new ArrayList<>();
        for (String host : proxyHosts()) {
            RemoteHost remoteHost = hosts.target(host).remote();
            for (String jail : JailStatus.jailNames(remote.fail2banClient(remoteHost, "status"))) {
                statuses.add(JailStatus.parse(host, jail, remote.fail2banClient(remoteHost, "status", jail)));
            }
        }
        return statuses;
    }
}
