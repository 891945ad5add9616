package org.offops.proxy.api;

import java.util.List;
import org.offops.proxy.domain.Violation;
import org.offops.proxy.exec.HostResult;
import org.offops.platform.api.ApiException;

/** The API edge's refusals: a 400 naming the first broken field, a 422 carrying nginx's own error. */
final class Checks {

    private Checks() {
    }

    static void valid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(violations.get(0).message(), violations.get(0).field());
        }
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ApiException.badRequest("a request body is required", null);
        }
    }

    static void requireSame(String field, String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw ApiException.badRequest(field + " in the body must equal the one in the path", field);
        }
    }

    /** A host that refused the configuration makes the whole request a 422 with the refusal; nothing was stored. */
    static List<HostResult> accepted(List<HostResult> results, String field) {
        for (HostResult result : results) {
            if (result.status().equals(HostResult.REJECTED)) {
                throw ApiException.unprocessable("the configuration was refused on " + result.host()
                        + " and not activated (the previous one keeps serving): " + result.message(), field);
            }
        }
        return results;
    }
}
