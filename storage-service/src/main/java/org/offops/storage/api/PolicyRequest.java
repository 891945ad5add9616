package org.offops.storage.api;

/** A named snapshot policy with sanoid's settings; absent counts take sanoid's defaults. */
public record PolicyRequest(String name, Integer frequentPeriod, Integer frequently, Integer hourly, Integer daily,
                            Integer weekly, Integer monthly, Integer yearly, Boolean autosnap, Boolean autoprune,
                            Boolean recursive, Boolean processChildrenOnly) {
}
