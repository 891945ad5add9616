package org.offops.deploy.api;

/** What the webhook answers: the delivery, the event it produced (if any) and accepted, ignored, duplicate or pong. */
public record WebhookResponse(String deliveryId, String eventId, String status) {

    public static final String ACCEPTED = "accepted";
    public static final String IGNORED = "ignored";
    public static final String DUPLICATE = "duplicate";
    public static final String PONG = "pong";
}
