package org.offops.platform.api;

/** A refusal with an HTTP status, a message and the offending field; thrown from resources and planners' callers. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String message, String field) {
        return new ApiException(400, message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    public static ApiException conflict(String message, String field) {
        return new ApiException(409, message, field);
    }

    public static ApiException unprocessable(String message, String field) {
        return new ApiException(422, message, field);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
