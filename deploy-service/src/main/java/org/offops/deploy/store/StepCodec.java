package org.offops.deploy.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;
import org.offops.deploy.domain.StepKind;
import org.offops.deploy.domain.plan.Step;

/** Steps of a plan to and from their rows. */
@ApplicationScoped
public class StepCodec {

    static final String DEPLOY = "deploy";
    static final String ROLLBACK = "rollback";

    private static final TypeReference<List<String>> WORDS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public StepCodec(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts a phase's steps as PENDING rows in one statement (a plan has a dozen or more). */
    void insert(EntityManager em, UUID deployment, String phase, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into deployment_step (deployment_id, phase, seq, name, kind, args, state) values ");
        for (int i = 0; i < steps.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?2, ").append("?" + (p + 3)).append(", ?" + (p + 4))
                    .append(", ?" + (p + 5)).append(", ?" + (p + 6)).append(", ?" + (p + 7)).append(")");
        }
        Query insert = em.createNativeQuery(sql.toString()).setParameter(1, deployment).setParameter(2, phase);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int p = i * 5;
            insert.setParameter(p + 3, i).setParameter(p + 4, step.name()).setParameter(p + 5, step.kind().name())
                    .setParameter(p + 6, args(step)).setParameter(p + 7, StepStates.PENDING);
        }
        insert.executeUpdate();
    }

    private String args(Step step) {
        try {
            return json.writeValueAsString(step.args());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Step step(StepRow row) {
        try {
            return new Step(row.name, StepKind.valueOf(row.kind), json.readValue(row.args, WORDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step " + row.name + " of deployment " + row.deploymentId, e);
        }
    }
}
