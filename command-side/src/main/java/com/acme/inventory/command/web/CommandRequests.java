package com.acme.inventory.command.web;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.platform.web.ValidId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the command endpoints, validated before anything is sent to the aggregate. */
final class CommandRequests {

    static final long MAX_QUANTITY = 1_000_000_000L;
    static final int MAX_ORDER_LINES = 100;

    private CommandRequests() {}

    record InitialStockRequest(
            @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid InitialLine> lines) {

        @AssertTrue(message = "variants must be distinct")
        boolean isDistinct() {
            return lines == null
                    || lines.stream()
                                    .filter(line -> line != null)
                                    .map(line -> LineKey.of(line.variantId()))
                                    .distinct()
                                    .count()
                            == lines.stream().filter(line -> line != null).count();
        }
    }

    record InitialLine(
            @ValidId String variantId,
            @NotNull @Min(0) @Max(MAX_QUANTITY) Long quantity) {}

    record RestockRequest(
            @ValidId String variantId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
            @Size(max = 500) String note) {}

    record SaleRequest(
            @NotNull @ValidId String orderId,
            @ValidId String variantId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity) {}

    record RestorationRequest(
            @ValidId String variantId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity,
            @Size(max = 500) String reason) {}

    record AdjustmentRequest(
            @ValidId String variantId,
            @NotNull @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Long delta,
            @NotBlank @Size(min = 1, max = 500) String reason) {

        @AssertTrue(message = "delta must not be 0")
        boolean isNonZero() {
            return delta == null || delta != 0;
        }
    }

    record OrderLineRequest(
            @NotNull @ValidId String productId,
            @ValidId String variantId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Long quantity) {}

    record OrderSaleRequest(
            @NotNull @Size(min = 1, max = MAX_ORDER_LINES) List<@NotNull @Valid OrderLineRequest> lines) {}

    /** Without lines: everything the order still has deducted. */
    record OrderRestorationRequest(
            @Size(min = 1, max = MAX_ORDER_LINES) List<@NotNull @Valid OrderLineRequest> lines,
            @Size(max = 500) String reason) {}
}
