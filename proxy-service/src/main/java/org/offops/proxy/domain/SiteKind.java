package org.offops.proxy.domain;

/** A reverse-proxy site in front of a flavor's container, or the images site an nginx on a host serves from disk. */
public enum SiteKind {
    PROXY,
    IMAGES
}
