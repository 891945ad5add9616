package org.offops.deploy.domain.plan;

import java.util.List;

/** The ordered steps that bring one container of a flavor to {@code tag} (or back to it, for a rollback). */
public record Plan(String container, String flavor, String tag, List<Step> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }
}
