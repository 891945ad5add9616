package org.offops.platform.api;

/** The JSON body of every API error: what went wrong and which input field (if any) caused it. */
public record ApiError(String error, String field) {
}
