package org.offops.network.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.offops.network.domain.Link;
import org.offops.network.domain.LinkRules;
import org.offops.network.domain.LinkViolation;
import org.offops.network.store.LinkQueries;
import org.offops.platform.api.ApiException;

/** Turns the link rules' first violation against the stored links into a 422 naming the field. */
@ApplicationScoped
public class LinkValidation {

    private final LinkRules rules;
    private final LinkQueries links;

    public LinkValidation(LinkRules rules, LinkQueries links) {
        this.rules = rules;
        this.links = links;
    }

    Link valid(Link link) {
        List<LinkViolation> violations = rules.check(link, links.all());
        if (!violations.isEmpty()) {
            LinkViolation first = violations.get(0);
            throw ApiException.unprocessable(first.field() + " " + first.message(), first.field());
        }
        return link;
    }

    static LinkRequest body(LinkRequest request) {
        if (request == null) {
            throw ApiException.badRequest("a JSON body is required", null);
        }
        return request;
    }
}
