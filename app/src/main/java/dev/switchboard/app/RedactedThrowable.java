package dev.switchboard.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback's {@code %ex} with key-shaped text in exception messages masked; {@code %rex} in logback.xml. */
public final class RedactedThrowable extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Redaction.text(super.throwableProxyToString(tp));
    }
}
