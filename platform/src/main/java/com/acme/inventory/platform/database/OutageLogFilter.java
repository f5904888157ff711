package com.acme.inventory.platform.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * While the database cannot be reached, Axon's event store reader and processors log every retry with
 * its stack trace (140-175 lines every few seconds). This turns those lines into concise ones: the
 * message and the root cause, once per kind and interval ({@link ConciseFailureLog}). Any other Axon
 * log line passes untouched.
 */
public final class OutageLogFilter extends TurboFilter {

    private final ConciseFailureLog concise;

    public OutageLogFilter(Duration interval) {
        this.concise = new ConciseFailureLog(LoggerFactory.getLogger(OutageLogFilter.class), interval);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.axonframework")) {
            return FilterReply.NEUTRAL;
        }
        // a parameterized call passes its exception as the last parameter; logback extracts it only later
        Throwable failure = t != null
                ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                        ? last
                        : null;
        if (failure == null || !DatabaseFailures.unreachable(failure)) {
            return FilterReply.NEUTRAL;
        }
        String source = logger.getName().substring(logger.getName().lastIndexOf('.') + 1);
        concise.failed(
                source + ": " + MessageFormatter.arrayFormat(format, params).getMessage(), failure);
        return FilterReply.DENY;
    }
}
