package org.offops.storage.api;

import org.offops.platform.api.ApiException;
import org.offops.remote.InvalidNameException;
import org.offops.remote.Names;
import org.offops.storage.domain.route.DatasetRef;
import org.offops.storage.domain.snapshot.Period;
import org.offops.storage.store.DatasetEntity;

/** Validation of a clone rule at the API edge: every refusal names its field and changes nothing. */
final class CloneRules {

    /** A validated rule: the origin dataset row, the clone's name on its server, the period label. */
    record Valid(DatasetEntity origin, String cloneName, String period) {
    }

    private CloneRules() {
    }

    static Valid check(CloneRuleRequest r) {
        if (r == null) {
            throw ApiException.badRequest("a JSON body is required", "body");
        }
        DatasetRef originRef = Requests.ref(r.origin(), "origin");
        DatasetEntity origin = DatasetEntity.byRef(originRef).orElseThrow(() -> ApiException.unprocessable(
                "unknown dataset " + originRef + " (add it, or the route that replicates it, first)", "origin"));
        if (r.cloneName() == null || r.cloneName().isBlank()) {
            throw ApiException.badRequest("clone is required", "clone");
        }
        String clone = r.cloneName();
        if (clone.contains(":")) {
            DatasetRef ref = Requests.ref(clone, "clone");
            if (!ref.server().equals(origin.server)) {
                throw ApiException.unprocessable("a clone lives on its origin's server " + origin.server, "clone");
            }
            clone = ref.dataset();
        }
        try {
            Names.zfsDataset(clone);
        } catch (InvalidNameException e) {
            throw ApiException.badRequest(e.getMessage(), "clone");
        }
        if (!clone.contains("/") || !pool(clone).equals(pool(origin.name))) {
            throw ApiException.unprocessable("a clone is a dataset in the origin's pool " + pool(origin.name), "clone");
        }
        if (clone.equals(origin.name) || clone.startsWith(origin.name + "/") || origin.name.startsWith(clone + "/")) {
            throw ApiException.unprocessable("a clone may not be, contain or sit inside its origin " + origin.name
                    + " (replication would overwrite it)", "clone");
        }
        if (clone.endsWith("_new") || clone.endsWith("_old")) {
            throw ApiException.badRequest("a clone name may not end in _new or _old (a refresh uses those)", "clone");
        }
        if (DatasetEntity.byRef(new DatasetRef(origin.server, clone)).isPresent()) {
            throw ApiException.conflict(origin.server + ":" + clone + " is a dataset offops manages, not a clone",
                    "clone");
        }
        String label = r.period() == null ? "daily" : r.period();
        Period.ofLabel(label).orElseThrow(() -> ApiException.badRequest("unknown period " + label, "period"));
        return new Valid(origin, clone, label);
    }

    private static String pool(String dataset) {
        int slash = dataset.indexOf('/');
        return slash < 0 ? dataset : dataset.substring(0, slash);
    }
}
