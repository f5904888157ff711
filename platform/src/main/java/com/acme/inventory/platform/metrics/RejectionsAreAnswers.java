package com.acme.inventory.platform.metrics;

import com.acme.inventory.api.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/** Reports a handler that rejected its message by a business rule as successful: it answered. */
final class RejectionsAreAnswers<T extends Message<?>> implements MessageMonitor<T> {

    private final MessageMonitor<T> delegate;

    RejectionsAreAnswers(MessageMonitor<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public MonitorCallback onMessageIngested(T message) {
        MonitorCallback callback = delegate.onMessageIngested(message);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                callback.reportSuccess();
            }

            @Override
            public void reportFailure(Throwable cause) {
                if (isRuleViolation(cause)) {
                    callback.reportSuccess();
                } else {
                    callback.reportFailure(cause);
                }
            }

            @Override
            public void reportIgnored() {
                callback.reportIgnored();
            }
        };
    }

    private static boolean isRuleViolation(Throwable cause) {
        return cause instanceof CommandExecutionException execution
                && execution
                        .getDetails()
                        .filter(RuleViolation.class::isInstance)
                        .isPresent();
    }
}
