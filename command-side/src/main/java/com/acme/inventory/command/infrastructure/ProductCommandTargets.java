package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.ProductCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The product a command is for, asked of the command. Axon's annotation-based resolver searches the
 * payload's fields and methods by reflection on every command: a fifth of the command writer's time
 * under S1.
 */
@Component
public class ProductCommandTargets implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof ProductCommand product) {
            return new VersionedAggregateIdentifier(product.productId(), null);
        }
        throw new IllegalArgumentException("Not a command for one product: " + command.getCommandName());
    }
}
