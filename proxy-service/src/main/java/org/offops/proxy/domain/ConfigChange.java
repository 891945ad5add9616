package org.offops.proxy.domain;

/**
 * Why a host's configuration is re-rendered: an operator's site or bot-rule change (with the version they read, or
 * null for a creation), or a re-apply after something outside offops moved (a container's address).
 */
public sealed interface ConfigChange {

    /** The site (if any) this change is about, for events and git messages. */
    String subject();

    record PutSite(Site site, Long expectedVersion) implements ConfigChange {
        public String subject() {
            return "site/" + site.id();
        }
    }

    record DeleteSite(String id, long expectedVersion) implements ConfigChange {
        public String subject() {
            return "site/" + id;
        }
    }

    record PutRule(BotRule rule, Long expectedVersion) implements ConfigChange {
        public String subject() {
            return "bot-rule/" + rule.name();
        }
    }

    record DeleteRule(String name, long expectedVersion) implements ConfigChange {
        public String subject() {
            return "bot-rule/" + name;
        }
    }

    record Reapply(String reason) implements ConfigChange {
        public String subject() {
            return "proxy-config";
        }
    }
}
