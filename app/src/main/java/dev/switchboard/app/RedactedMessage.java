package dev.switchboard.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg} with key-shaped text masked ({@link Redaction#text}); {@code %rmsg} in logback.xml. */
public final class RedactedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.text(super.convert(event));
    }
}
