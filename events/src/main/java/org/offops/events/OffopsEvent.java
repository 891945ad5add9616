package org.offops.events;

/**
 * Marker for every payload carried in an {@link EventEnvelope}; each implementation is listed in {@link EventTypes}.
 *
 * <p>Not sealed: the records live in per-domain sub-packages, which Java only permits for a sealed type inside a
 * named module, and this library ships on the classpath.
 */
public interface OffopsEvent {
}
