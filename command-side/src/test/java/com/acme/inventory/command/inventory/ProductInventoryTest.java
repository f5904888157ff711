package com.acme.inventory.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.InitialStockResult;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.api.StockAdjustedEvent;
import com.acme.inventory.api.StockChangeResult;
import com.acme.inventory.api.StockDeductedForSaleEvent;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.api.StockLineSpec;
import com.acme.inventory.api.StockRestockedEvent;
import com.acme.inventory.api.StockRestoredForSaleEvent;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductInventoryTest {

    private static final String P = "p-1";
    private static final String ACTOR = "order-service";
    private static final long CEILING = ProductInventory.MAX_UNITS_PER_LINE;

    private FixtureConfiguration<ProductInventory> fixture;
    private InMemorySaleLedger ledger;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductInventory.class);
        ledger = new InMemorySaleLedger();
        fixture.registerInjectableResource(ledger);
    }

    private static StockInitializedEvent initialized(String variant, long quantity) {
        return new StockInitializedEvent(P, variant, quantity, quantity, ACTOR);
    }

    private void sold(String variant, String order, long quantity, long availableAfter, long version) {
        ledger.recordSaleIfNew(P, LineKey.of(variant), order, new RecordedSale(quantity, 0, availableAfter, version));
    }

    /** The rejection carries this error code in its details. */
    private static Matcher<RuleViolation> code(ErrorCode code) {
        return Matchers.predicate(details -> details.code() == code);
    }

    // ---- initial stock

    @Test
    void initialStockOpensOneLinePerVariant() {
        fixture.givenNoPriorActivity()
                .when(new InitializeStockCommand(
                        P, List.of(new StockLineSpec("red-m", 10), new StockLineSpec("blue-l", 0)), ACTOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(initialized("red-m", 10), initialized("blue-l", 0))
                .expectResultMessagePayload(new InitialStockResult(
                        P,
                        2,
                        List.of(new InitialStockResult.Line("red-m", 10), new InitialStockResult.Line("blue-l", 0))));
    }

    @Test
    void initialStockMayAddANewVariantLater() {
        fixture.given(initialized("red-m", 10))
                .when(new InitializeStockCommand(P, List.of(new StockLineSpec("green-s", 4)), ACTOR))
                .expectEvents(initialized("green-s", 4))
                .expectResultMessagePayload(
                        new InitialStockResult(P, 2, List.of(new InitialStockResult.Line("green-s", 4))));
    }

    @Test
    void initialStockAtProductLevelOpensTheProductLine() {
        fixture.givenNoPriorActivity()
                .when(new InitializeStockCommand(P, List.of(new StockLineSpec(null, 7)), ACTOR))
                .expectEvents(initialized(null, 7));
    }

    @Test
    void initializingAnExistingLineIsRejectedAndNothingIsRecorded() {
        fixture.given(initialized("red-m", 10))
                .when(new InitializeStockCommand(
                        P, List.of(new StockLineSpec("green-s", 4), new StockLineSpec("red-m", 1)), ACTOR))
                .expectNoEvents()
                .expectException(StockRuleViolation.class)
                .expectExceptionDetails(code(ErrorCode.STOCK_ALREADY_INITIALIZED));
    }

    @Test
    void productLevelAndVariantLinesCannotBeMixedInOneRequest() {
        fixture.givenNoPriorActivity()
                .when(new InitializeStockCommand(
                        P, List.of(new StockLineSpec(null, 1), new StockLineSpec("red-m", 1)), ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.STOCK_MODE_CONFLICT));
    }

    @Test
    void aVariantCannotBeAddedToProductLevelStock() {
        fixture.given(initialized(null, 5))
                .when(new InitializeStockCommand(P, List.of(new StockLineSpec("red-m", 1)), ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.STOCK_MODE_CONFLICT));
    }

    @Test
    void productLevelStockCannotBeAddedToVariantStock() {
        fixture.given(initialized("red-m", 5))
                .when(new InitializeStockCommand(P, List.of(new StockLineSpec(null, 1)), ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.STOCK_MODE_CONFLICT));
    }

    @Test
    void aVariantListedTwiceIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new InitializeStockCommand(
                        P, List.of(new StockLineSpec("red-m", 1), new StockLineSpec("red-m", 2)), ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.VALIDATION_FAILED));
    }

    // ---- restock

    @Test
    void restockAddsToTheLine() {
        fixture.given(initialized("red-m", 10))
                .when(new RestockCommand(P, "red-m", 5, "PO-77", ACTOR))
                .expectEvents(new StockRestockedEvent(P, "red-m", 5, 15, "PO-77", ACTOR))
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.RESTOCK, 5, 5, 15, 2, null));
    }

    @Test
    void restockOfAnUnknownVariantIsRejected() {
        fixture.given(initialized("red-m", 10))
                .when(new RestockCommand(P, "blue-l", 5, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.VARIANT_NOT_FOUND));
    }

    @Test
    void commandsOnAProductNeverInitializedFindNoProduct() {
        fixture.givenNoPriorActivity()
                .when(new RestockCommand(P, "red-m", 5, null, ACTOR))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void restockAboveTheCeilingIsRejected() {
        fixture.given(initialized("red-m", CEILING - 4))
                .when(new RestockCommand(P, "red-m", 5, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.QUANTITY_OUT_OF_RANGE));
    }

    // ---- sales

    @Test
    void saleDeductsAndIsRememberedPerOrderLine() {
        fixture.given(initialized("red-m", 10))
                .when(new DeductStockForSaleCommand(P, "red-m", "o-1", 3, ACTOR))
                .expectEvents(new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 7, ACTOR))
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.SALE_DEDUCT, 3, -3, 7, 2, "o-1"));
        assertThat(ledger.find(P, LineKey.of("red-m"), "o-1")).contains(new RecordedSale(3, 0, 7, 2));
    }

    @Test
    void cannotDeductMoreThanAvailable() {
        fixture.given(initialized("red-m", 2))
                .when(new DeductStockForSaleCommand(P, "red-m", "o-1", 3, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(new RuleViolation(
                        ErrorCode.INSUFFICIENT_STOCK,
                        "The stock line of variant 'red-m' has 2 available, 3 requested.",
                        2L,
                        null));
    }

    @Test
    void theSameOrderLineSoldAgainReturnsTheFirstResult() {
        sold("red-m", "o-1", 3, 7, 2);
        fixture.given(
                        initialized("red-m", 10),
                        new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 7, ACTOR),
                        new StockRestockedEvent(P, "red-m", 1, 8, null, ACTOR))
                .when(new DeductStockForSaleCommand(P, "red-m", "o-1", 3, ACTOR))
                .expectNoEvents()
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.SALE_DEDUCT, 3, -3, 7, 2, "o-1"));
    }

    @Test
    void theSameOrderLineSoldAgainAfterTheLineRanOutStillReturnsTheFirstResult() {
        sold("red-m", "o-1", 3, 0, 2);
        fixture.given(initialized("red-m", 3), new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 0, ACTOR))
                .when(new DeductStockForSaleCommand(P, "red-m", "o-1", 3, ACTOR))
                .expectNoEvents()
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.SALE_DEDUCT, 3, -3, 0, 2, "o-1"));
    }

    @Test
    void theSameOrderLineWithAnotherQuantityIsRejected() {
        sold("red-m", "o-1", 3, 7, 2);
        fixture.given(initialized("red-m", 10), new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 7, ACTOR))
                .when(new DeductStockForSaleCommand(P, "red-m", "o-1", 4, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.SALE_ALREADY_RECORDED));
    }

    @Test
    void saleOfAnUnknownVariantIsRejected() {
        fixture.given(initialized("red-m", 10))
                .when(new DeductStockForSaleCommand(P, "blue-l", "o-1", 1, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.VARIANT_NOT_FOUND));
    }

    @Test
    void theProductLevelLineOfAProductKeptPerVariantIsAModeConflict() {
        fixture.given(initialized("red-m", 10))
                .when(new DeductStockForSaleCommand(P, null, "o-1", 1, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.STOCK_MODE_CONFLICT));
    }

    @Test
    void aVariantOfAProductKeptAtProductLevelIsAModeConflict() {
        fixture.given(initialized(null, 10))
                .when(new RestockCommand(P, "red-m", 1, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.STOCK_MODE_CONFLICT));
    }

    // ---- restorations

    @Test
    void restorationPutsBackPartOfASale() {
        sold("red-m", "o-1", 3, 7, 2);
        fixture.given(initialized("red-m", 10), new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 7, ACTOR))
                .when(new RestoreStockForSaleCommand(P, "red-m", "o-1", 2, "cancelled", ACTOR))
                .expectEvents(new StockRestoredForSaleEvent(P, "red-m", "o-1", 2, 9, "cancelled", ACTOR))
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.SALE_RESTORE, 2, 2, 9, 3, "o-1"));
        assertThat(ledger.find(P, LineKey.of("red-m"), "o-1").orElseThrow().restorable())
                .isEqualTo(1);
    }

    @Test
    void restoringAnOrderThatDeductedNothingIsRejected() {
        fixture.given(initialized("red-m", 10))
                .when(new RestoreStockForSaleCommand(P, "red-m", "o-9", 1, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.SALE_NOT_FOUND));
    }

    @Test
    void restoringMoreThanWasSoldIsRejected() {
        sold("red-m", "o-1", 3, 7, 2);
        ledger.recordRestoration(P, LineKey.of("red-m"), "o-1", 2);
        fixture.given(
                        initialized("red-m", 10),
                        new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, 7, ACTOR),
                        new StockRestoredForSaleEvent(P, "red-m", "o-1", 2, 9, null, ACTOR))
                .when(new RestoreStockForSaleCommand(P, "red-m", "o-1", 2, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(new RuleViolation(
                        ErrorCode.RESTORE_EXCEEDS_SALE, "Order 'o-1' can restore 1, 2 requested.", null, 1L));
    }

    @Test
    void restorationAboveTheCeilingIsRejected() {
        sold("red-m", "o-1", 3, CEILING - 3, 2);
        fixture.given(
                        initialized("red-m", CEILING),
                        new StockDeductedForSaleEvent(P, "red-m", "o-1", 3, CEILING - 3, ACTOR),
                        new StockAdjustedEvent(P, "red-m", 3, CEILING, "found", ACTOR))
                .when(new RestoreStockForSaleCommand(P, "red-m", "o-1", 1, null, ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.QUANTITY_OUT_OF_RANGE));
    }

    // ---- adjustments

    @Test
    void adjustmentChangesTheLineBySignedDelta() {
        fixture.given(initialized("red-m", 10))
                .when(new AdjustStockCommand(P, "red-m", -3, "cycle count", ACTOR))
                .expectEvents(new StockAdjustedEvent(P, "red-m", -3, 7, "cycle count", ACTOR))
                .expectResultMessagePayload(
                        new StockChangeResult(P, "red-m", InventoryEventType.ADJUSTMENT, 3, -3, 7, 2, null));
    }

    @Test
    void adjustmentCannotTakeALineBelowZero() {
        fixture.given(initialized("red-m", 2))
                .when(new AdjustStockCommand(P, "red-m", -3, "damaged", ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void adjustmentAboveTheCeilingIsRejected() {
        fixture.given(initialized("red-m", CEILING))
                .when(new AdjustStockCommand(P, "red-m", 1, "found", ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.QUANTITY_OUT_OF_RANGE));
    }

    @Test
    void adjustmentNeedsAReason() {
        fixture.given(initialized("red-m", 10))
                .when(new AdjustStockCommand(P, "red-m", 1, " ", ACTOR))
                .expectNoEvents()
                .expectExceptionDetails(code(ErrorCode.VALIDATION_FAILED));
    }
}
