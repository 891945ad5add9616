package org.offops.platform.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who is making the current API request; services use {@link #actor()} for the events they publish. */
@RequestScoped
public class Caller {

    private String name;
    private Role role;

    void set(String name, Role role) {
        this.name = name;
        this.role = role;
    }

    public String actor() {
        return name == null ? "anonymous" : "token:" + name;
    }

    /** The actor, or {@code service} when no token identified one (work started by a message, not a request). */
    public String actorOr(String service) {
        return name == null ? service : actor();
    }

    public Role role() {
        return role;
    }
}
