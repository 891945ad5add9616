package org.offops.storage.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offops.platform.api.ApiException;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.domain.snapshot.SnapshotPolicy;
import org.offops.storage.store.DatasetEntity;

/** Validation at the API edge: every refusal names the field and changes nothing. */
final class Requests {

    static final Set<String> KINDS = Set.of("products", "images", "users", "orgs", "html_data", "cache", "logs",
            "other");
    static final Set<String> SCOPES = Set.of("shared", "platform", "flavor");

    private Requests() {
    }

    static DatasetEntity dataset(DatasetRequest r) {
        if (r == null) {
            throw ApiException.badRequest("a JSON body is required", "body");
        }
        required(r.server(), "server");
        name("name", () -> Names.zfsDataset(required(r.name(), "name")));
        if (!KINDS.contains(required(r.kind(), "kind"))) {
            throw ApiException.badRequest("kind must be one of " + List.copyOf(new java.util.TreeSet<>(KINDS)), "kind");
        }
        if (!SCOPES.contains(required(r.scope(), "scope"))) {
            throw ApiException.badRequest("scope must be shared, platform or flavor", "scope");
        }
        if (r.flavor() != null) {
            name("flavor", () -> Names.flavor(r.flavor()));
        } else if (r.scope().equals("flavor") || r.scope().equals("platform")) {
            throw ApiException.badRequest("a " + r.scope() + "-scoped dataset needs a flavor", "flavor");
        }
        DatasetEntity d = new DatasetEntity();
        d.server = r.server();
        d.name = r.name();
        d.kind = r.kind();
        d.flavor = r.flavor();
        d.scope = r.scope();
        d.policy = r.policy();
        return d;
    }

    static SnapshotPolicy policy(PolicyRequest r) {
        if (r == null) {
            throw ApiException.badRequest("a JSON body is required", "body");
        }
        SnapshotPolicy d = SnapshotPolicy.sanoidDefaults();
        Map<Period, Integer> counts = new java.util.EnumMap<>(Period.class);
        counts.put(Period.FREQUENTLY, count(r.frequently(), d.count(Period.FREQUENTLY), "frequently"));
        counts.put(Period.HOURLY, count(r.hourly(), d.count(Period.HOURLY), "hourly"));
        counts.put(Period.DAILY, count(r.daily(), d.count(Period.DAILY), "daily"));
        counts.put(Period.WEEKLY, count(r.weekly(), d.count(Period.WEEKLY), "weekly"));
        counts.put(Period.MONTHLY, count(r.monthly(), d.count(Period.MONTHLY), "monthly"));
        counts.put(Period.YEARLY, count(r.yearly(), d.count(Period.YEARLY), "yearly"));
        int frequentPeriod = count(r.frequentPeriod(), d.frequentPeriod(), "frequentPeriod");
        if (frequentPeriod < 1 || frequentPeriod > 60) {
            throw ApiException.badRequest("frequentPeriod must be 1..60 minutes", "frequentPeriod");
        }
        return new SnapshotPolicy(frequentPeriod, counts, flag(r.autosnap(), true), flag(r.autoprune(), true),
                flag(r.recursive(), false), flag(r.processChildrenOnly(), false));
    }

    static DatasetRef ref(String text, String field) {
        try {
            DatasetRef ref = DatasetRef.parse(required(text, field));
            Names.hostName(ref.server());
            return ref;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), field);
        }
    }

    static String policyName(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw ApiException.badRequest("policy name must match [a-z][a-z0-9_]{0,62}", "name");
        }
        return name;
    }

    private static int count(Integer value, int fallback, String field) {
        int v = value == null ? fallback : value;
        if (v < 0 || v > 10000) {
            throw ApiException.badRequest(field + " must be 0..10000", field);
        }
        return v;
    }

    private static boolean flag(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required", field);
        }
        return value;
    }

    private static void name(String field, Runnable check) {
        try {
            check.run();
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), field);
        }
    }
}
