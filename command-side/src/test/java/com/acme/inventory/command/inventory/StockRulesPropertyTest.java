package com.acme.inventory.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.StockLineSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * For any sequence of stock commands, through Axon's command bus and an event store: stock never
 * goes below zero, restorations never exceed what an order bought on a line, every line equals
 * initial + restocks - sales + restorations + adjustments, and each command is accepted or rejected
 * exactly as a plain model of the rules says.
 */
class StockRulesPropertyTest {

    private static final String P = "prop-1";
    private static final List<String> VARIANTS = List.of("a", "b");

    sealed interface Action permits Sale, Restore, Restock, Adjust {}

    record Sale(String variant, String order, long quantity) implements Action {}

    record Restore(String variant, String order, long quantity) implements Action {}

    record Restock(String variant, long quantity) implements Action {}

    record Adjust(String variant, long delta) implements Action {}

    @Provide
    Arbitrary<Action> actions() {
        Arbitrary<String> variant = Arbitraries.of(VARIANTS);
        Arbitrary<String> order = Arbitraries.of("o-1", "o-2", "o-3", "o-4");
        Arbitrary<Long> quantity = Arbitraries.longs().between(1, 20);
        return Arbitraries.oneOf(
                Combinators.combine(variant, order, quantity).as(Sale::new),
                Combinators.combine(variant, order, quantity).as(Restore::new),
                Combinators.combine(variant, quantity).as(Restock::new),
                Combinators.combine(
                                variant, Arbitraries.longs().between(-20, 20).filter(d -> d != 0))
                        .as(Adjust::new));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void theRulesHoldForAnySequence(
            @ForAll @IntRange(max = 30) int initialA,
            @ForAll @IntRange(max = 30) int initialB,
            @ForAll @Size(max = 40) List<@From("actions") Action> actions) {
        InMemorySaleLedger ledger = new InMemorySaleLedger();
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(ProductInventory.class)
                .registerComponent(SaleLedger.class, c -> ledger)
                .buildConfiguration();
        axon.start();
        try {
            CommandGateway gateway = axon.commandGateway();
            gateway.sendAndWait(new InitializeStockCommand(
                    P, List.of(new StockLineSpec("a", initialA), new StockLineSpec("b", initialB)), "test"));
            Model model = new Model(initialA, initialB);
            for (Action action : actions) {
                ErrorCode expected = model.apply(action);
                ErrorCode actual = outcome(gateway, action);
                assertThat(actual).as("outcome of %s", action).isEqualTo(expected);
            }

            List<InventoryEvent> events = new ArrayList<>();
            axon.eventStore()
                    .readEvents(P)
                    .asStream()
                    .map(DomainEventMessage::getPayload)
                    .forEach(payload -> events.add((InventoryEvent) payload));
            assertInvariants(events, model);
        } finally {
            axon.shutdown();
        }
    }

    private static ErrorCode outcome(CommandGateway gateway, Action action) {
        Object command;
        if (action instanceof Sale sale) {
            command = new DeductStockForSaleCommand(P, sale.variant(), sale.order(), sale.quantity(), "test");
        } else if (action instanceof Restore restore) {
            command = new RestoreStockForSaleCommand(
                    P, restore.variant(), restore.order(), restore.quantity(), null, "test");
        } else if (action instanceof Restock restock) {
            command = new RestockCommand(P, restock.variant(), restock.quantity(), null, "test");
        } else {
            Adjust adjust = (Adjust) action;
            command = new AdjustStockCommand(P, adjust.variant(), adjust.delta(), "count", "test");
        }
        try {
            gateway.sendAndWait(command);
            return null;
        } catch (StockRuleViolation violation) {
            return violation.violation().code();
        }
    }

    private static void assertInvariants(List<InventoryEvent> events, Model model) {
        Map<String, Long> available = new HashMap<>();
        Map<String, Long> deducted = new HashMap<>();
        Map<String, Long> restored = new HashMap<>();
        for (InventoryEvent event : events) {
            assertThat(event.availableAfter()).as("availableAfter of %s", event).isNotNegative();
            long before = available.getOrDefault(event.variantId(), 0L);
            assertThat(event.availableAfter())
                    .as("%s follows from the line before", event)
                    .isEqualTo(before + event.delta());
            available.put(event.variantId(), event.availableAfter());
            String orderLine = event.variantId() + "/" + event.orderId();
            if (event.type() == InventoryEventType.SALE_DEDUCT) {
                deducted.merge(orderLine, event.quantity(), Long::sum);
            } else if (event.type() == InventoryEventType.SALE_RESTORE) {
                restored.merge(orderLine, event.quantity(), Long::sum);
                assertThat(restored.get(orderLine))
                        .as("restored on %s", orderLine)
                        .isLessThanOrEqualTo(deducted.getOrDefault(orderLine, 0L));
            }
        }
        for (String variant : VARIANTS) {
            long sum = events.stream()
                    .filter(e -> e.variantId().equals(variant))
                    .mapToLong(InventoryEvent::delta)
                    .sum();
            assertThat(available.get(variant)).isEqualTo(sum).isEqualTo(model.available.get(variant));
        }
    }

    /** The rules in their plainest form, to compare the aggregate's every answer with. */
    private static final class Model {
        final Map<String, Long> available = new HashMap<>();
        final Map<String, Long> sold = new HashMap<>();
        final Map<String, Long> restorable = new HashMap<>();

        Model(long a, long b) {
            available.put("a", a);
            available.put("b", b);
        }

        ErrorCode apply(Action action) {
            if (action instanceof Sale sale) {
                String line = sale.variant() + "/" + sale.order();
                if (sold.containsKey(line)) {
                    return sold.get(line) == sale.quantity() ? null : ErrorCode.SALE_ALREADY_RECORDED;
                }
                if (sale.quantity() > available.get(sale.variant())) {
                    return ErrorCode.INSUFFICIENT_STOCK;
                }
                available.merge(sale.variant(), -sale.quantity(), Long::sum);
                sold.put(line, sale.quantity());
                restorable.put(line, sale.quantity());
            } else if (action instanceof Restore restore) {
                String line = restore.variant() + "/" + restore.order();
                if (!sold.containsKey(line)) {
                    return ErrorCode.SALE_NOT_FOUND;
                }
                if (restore.quantity() > restorable.get(line)) {
                    return ErrorCode.RESTORE_EXCEEDS_SALE;
                }
                restorable.merge(line, -restore.quantity(), Long::sum);
                available.merge(restore.variant(), restore.quantity(), Long::sum);
            } else if (action instanceof Restock restock) {
                available.merge(restock.variant(), restock.quantity(), Long::sum);
            } else if (action instanceof Adjust adjust) {
                if (available.get(adjust.variant()) + adjust.delta() < 0) {
                    return ErrorCode.INSUFFICIENT_STOCK;
                }
                available.merge(adjust.variant(), adjust.delta(), Long::sum);
            }
            return null;
        }
    }
}
