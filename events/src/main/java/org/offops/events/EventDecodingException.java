package org.offops.events;

/** Thrown when bytes from the bus are not a valid offops envelope or its data does not fit the registered record. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
