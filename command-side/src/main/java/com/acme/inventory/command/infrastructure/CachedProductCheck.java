package com.acme.inventory.command.infrastructure;

import com.acme.inventory.command.inventory.StockRuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Before a command answers without appending an event (a rule violation, a repeated order), confirms
 * that a product it took from the cache was still the newest version; see {@link ProductInventoryRepository}.
 */
public class CachedProductCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ProductInventoryRepository repository;

    public CachedProductCheck(ProductInventoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result;
        try {
            result = chain.proceed();
        } catch (StockRuleViolation rejection) {
            repository.confirmUnchangedCachedProducts(unitOfWork);
            throw rejection;
        }
        repository.confirmUnchangedCachedProducts(unitOfWork);
        return result;
    }
}
