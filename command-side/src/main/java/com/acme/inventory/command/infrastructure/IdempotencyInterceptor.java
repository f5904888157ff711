package com.acme.inventory.command.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Stores the first response to an Idempotency-Key inside the command's unit of work, so in the same
 * transaction as its events and sale-ledger rows. A concurrent duplicate blocks on the key's unique
 * index and fails once the first commits; it is then answered from the stored record. Axon registers
 * this bean on the command bus after the bus's transaction interceptor.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "idempotencyRequestHash";
    public static final String SUCCESS_STATUS = "idempotencySuccessStatus";

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    IdempotencyInterceptor(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    /** Metadata that asks for the response to be stored under {@code key}. */
    public static MetaData metaData(String key, String requestHash, int successStatus) {
        return MetaData.with(KEY, key).and(REQUEST_HASH, requestHash).and(SUCCESS_STATUS, successStatus);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (metaData.get(KEY) instanceof String key) {
            int status = ((Number) metaData.get(SUCCESS_STATUS)).intValue();
            store.save(new IdempotencyRecord(
                    key, (String) metaData.get(REQUEST_HASH), status, objectMapper.writeValueAsString(result)));
        }
        return result;
    }
}
