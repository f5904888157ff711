package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.command.inventory.StockRuleViolation;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Keys inside the command's unit of work. A key seen before answers without running the
 * command: its stored answer ({@link Replay}), or {@link KeyReused} when it was stored for another
 * request. A new key's answer, a rejection too, is stored in the same transaction as the command's
 * events. Two commands with one key in one write batch: the second finds the first's staged answer.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "idempotencyRequestHash";

    /** A stored first answer, to be sent again. */
    public record Replay(byte[] answer) {}

    /** The key was stored for another request. */
    public enum KeyReused {
        INSTANCE
    }

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    /** Metadata that asks for the answer to be stored under {@code key}. */
    public static MetaData metaData(String key, long requestHash) {
        return MetaData.with(KEY, key).and(REQUEST_HASH, requestHash);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (!(metaData.get(KEY) instanceof String keyText)) {
            return chain.proceed();
        }
        long key = IdempotencyRecord.keyHash(keyText);
        long request = ((Number) metaData.get(REQUEST_HASH)).longValue();
        Optional<IdempotencyRecord> stored = store.find(key);
        if (stored.isPresent()) {
            return stored.get().requestHash() == request
                    ? new Replay(stored.get().answer())
                    : KeyReused.INSTANCE;
        }
        Object command = unitOfWork.getMessage().getPayload();
        try {
            Object result = chain.proceed();
            store.save(new IdempotencyRecord(key, request, StoredAnswers.accepted(result, command)));
            return result;
        } catch (StockRuleViolation rejected) {
            store.save(new IdempotencyRecord(key, request, StoredAnswers.rejected(rejected.violation())));
            throw rejected;
        } catch (AggregateNotFoundException neverInitialized) {
            RuleViolation violation = StockRuleViolation.productNotFound(
                            String.valueOf(neverInitialized.getAggregateIdentifier()))
                    .violation();
            store.save(new IdempotencyRecord(key, request, StoredAnswers.rejected(violation)));
            throw neverInitialized;
        }
    }
}
