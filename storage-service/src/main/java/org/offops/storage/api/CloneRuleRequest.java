package org.offops.storage.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A clone rule: {@code origin} as {@code server:dataset} (a dataset offops knows, usually a replica), {@code clone}
 * as {@code dataset} or {@code server:dataset} on the same server and pool, {@code period} (default daily).
 */
public record CloneRuleRequest(String origin, @JsonProperty("clone") String cloneName, String period) {
}
