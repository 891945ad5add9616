package org.offops.platform.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.offops.platform.api.ApiError;

/** Checks the bearer token and role of every REST call before it reaches a resource. */
public class BearerTokenFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenRegistry tokens;
    private final Caller caller;

    public BearerTokenFilter(TokenRegistry tokens, Caller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || isPublic(resource)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(PREFIX)) {
            return deny(Response.Status.UNAUTHORIZED, "a bearer token is required");
        }
        Optional<ApiToken> token = tokens.resolve(header.substring(PREFIX.length()).trim());
        if (token.isEmpty()) {
            return deny(Response.Status.UNAUTHORIZED, "the bearer token is not valid");
        }
        Role required = requiredRole(resource);
        if (!token.get().role().covers(required)) {
            return deny(Response.Status.FORBIDDEN,
                    "role " + token.get().role().label() + " may not do this; " + required.label() + " is required");
        }
        caller.set(token.get().name(), token.get().role());
        return Optional.empty();
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class);
    }

    private static Role requiredRole(ResourceInfo resource) {
        RequiresRole onMethod = resource.getResourceMethod().getAnnotation(RequiresRole.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresRole onClass = resource.getResourceClass().getAnnotation(RequiresRole.class);
        return onClass == null ? Role.VIEWER : onClass.value();
    }

    private static Optional<Response> deny(Response.Status status, String message) {
        Response.ResponseBuilder builder = Response.status(status).entity(new ApiError(message, "Authorization"))
                .type("application/json");
        if (status == Response.Status.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"offops\"");
        }
        return Optional.of(builder.build());
    }
}
