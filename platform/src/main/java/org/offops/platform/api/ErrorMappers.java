package org.offops.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.offops.remote.RemoteException;

/** Turns every failure that reaches the REST layer into the JSON error body with the right status. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String message = e instanceof MismatchedInputException ? "a field has the wrong type or shape"
                : "the request body is not valid JSON";
        return error(400, message, field);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase();
        return error(status, reason, null);
    }

    /** A host refused or failed: the message names host, command and exit code, and never carries a secret. */
    @ServerExceptionMapper
    public Response remote(RemoteException e) {
        LOG.warn(e.getMessage());
        return error(502, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        // The cause is logged for operators; the client gets no internals (they could carry host details).
        LOG.error("unexpected error in a REST call", e);
        return error(500, "internal error", null);
    }

    private static Response error(int status, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, field)).build();
    }
}
