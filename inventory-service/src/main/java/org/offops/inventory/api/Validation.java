package org.offops.inventory.api;

import org.offops.inventory.domain.FleetRules;
import org.offops.platform.api.ApiException;

/** Turns a fleet rule violation into a 400 naming the field. */
final class Validation {

    private Validation() {
    }

    static <T> T valid(T body, FleetRules.Violation violation) {
        if (violation != null) {
            throw ApiException.badRequest(violation.message(), violation.field());
        }
        return body;
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw ApiException.badRequest("a request body is required", null);
        }
    }

    static void requireSameName(String pathName, String bodyName) {
        if (!pathName.equals(bodyName)) {
            throw ApiException.badRequest("name in the body must equal the name in the path", "name");
        }
    }
}
