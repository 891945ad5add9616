package org.offops.proxy.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.offops.proxy.domain.BotRule;
import org.offops.proxy.domain.DesiredState;
import org.offops.proxy.domain.Site;

/** Reads what offops wants live (sites, bot rules) and what it last applied (files, upstream addresses). */
@ApplicationScoped
public class ProxyStore {

    private final SpecCodec codec;

    public ProxyStore(SpecCodec codec) {
        this.codec = codec;
    }

    /** A stored site with its row version (the ETag). */
    public record Versioned<T>(T value, long version) {
    }

    @Transactional
    public DesiredState desired() {
        List<Site> sites = SiteEntity.<SiteEntity>listAll(Sort.by("id")).stream().map(codec::site).toList();
        List<BotRule> rules = BotRuleEntity.<BotRuleEntity>listAll(Sort.by("name")).stream().map(codec::rule).toList();
        return new DesiredState(sites, rules);
    }

    @Transactional
    public Optional<Versioned<Site>> site(String id) {
        return SiteEntity.<SiteEntity>findByIdOptional(id).map(row -> new Versioned<>(codec.site(row), row.version));
    }

    @Transactional
    public List<Versioned<Site>> sites() {
        return SiteEntity.<SiteEntity>listAll(Sort.by("id")).stream()
                .map(row -> new Versioned<>(codec.site(row), row.version)).toList();
    }

    @Transactional
    public Optional<Versioned<BotRule>> rule(String name) {
        return BotRuleEntity.<BotRuleEntity>findByIdOptional(name)
                .map(row -> new Versioned<>(codec.rule(row), row.version));
    }

    @Transactional
    public List<Versioned<BotRule>> rules() {
        return BotRuleEntity.<BotRuleEntity>listAll(Sort.by("name")).stream()
                .map(row -> new Versioned<>(codec.rule(row), row.version)).toList();
    }

    /** Content offops last applied on {@code host}, by path. */
    @Transactional
    public Map<String, String> appliedFiles(String host) {
        Map<String, String> files = new LinkedHashMap<>();
        AppliedFileEntity.<AppliedFileEntity>list("host", Sort.by("path"), host).forEach(f -> files.put(f.path, f.content));
        return files;
    }

    @Transactional
    public List<AppliedFileEntity> appliedFileRows(String host) {
        return AppliedFileEntity.list("host", Sort.by("path"), host);
    }

    /** Hosts offops has applied files to. */
    @Transactional
    public List<String> appliedHosts() {
        return AppliedFileEntity.<AppliedFileEntity>listAll().stream().map(f -> f.host).distinct().sorted().toList();
    }

    /** Hosts with an applied proxy site forwarding to {@code container}. */
    @Transactional
    public List<String> hostsForwardingTo(String container) {
        return AppliedUpstreamEntity.<AppliedUpstreamEntity>list("container", container).stream()
                .map(u -> u.host).distinct().sorted().toList();
    }
}
