package org.offops.proxy.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.offops.proxy.domain.BotRule;
import org.offops.proxy.domain.Site;

/** Sites and bot rules to and from the JSON kept in their rows. */
@ApplicationScoped
public class SpecCodec {

    private final ObjectMapper json;

    public SpecCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + spec.getClass().getSimpleName(), e);
        }
    }

    public Site site(SiteEntity row) {
        return read(row.spec, Site.class);
    }

    public BotRule rule(BotRuleEntity row) {
        return read(row.spec, BotRule.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not decode", e);
        }
    }
}
