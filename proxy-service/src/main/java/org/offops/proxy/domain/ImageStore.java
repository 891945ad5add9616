package org.offops.proxy.domain;

/**
 * What an images site serves: files under {@code root} on its host, and for a file missing there (not yet
 * replicated) {@code fallbackUrl} with the {@code fallbackHost} header, cached; a null fallback answers 404.
 */
public record ImageStore(String root, String fallbackUrl, String fallbackHost) {
}
