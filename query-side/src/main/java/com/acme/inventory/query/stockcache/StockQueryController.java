package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.Availability;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.StockBatch;
import com.acme.inventory.api.VariantStock;
import com.acme.inventory.platform.web.ApiException;
import com.acme.inventory.platform.web.ValidId;
import com.acme.inventory.query.projection.ProjectionPositions;
import com.acme.inventory.query.projection.Projections;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock reads for catalogue pages, with read-your-writes ({@code minVersion}) and freshness headers. */
@RestController
@RequestMapping(path = "/api/v1/stock", produces = MediaType.APPLICATION_JSON_VALUE)
class StockQueryController {

    static final String STALE_HEADER = "Inventory-Stale";
    static final String LAG_HEADER = "Inventory-Projection-Lag-Ms";

    private final FreshnessGuard freshness;
    private final ProjectionPositions positions;

    StockQueryController(FreshnessGuard freshness, ProjectionPositions positions) {
        this.freshness = freshness;
        this.positions = positions;
    }

    @GetMapping("/{productId}")
    ResponseEntity<ProductStock> product(
            @PathVariable("productId") @ValidId String productId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        FreshnessGuard.Read read = freshness.read(List.of(productId), minVersion);
        return respond(found(read, productId), read.fresh());
    }

    @GetMapping("/{productId}/variants/{variantId}")
    ResponseEntity<VariantStock> variant(
            @PathVariable("productId") @ValidId String productId,
            @PathVariable("variantId") @ValidId String variantId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        FreshnessGuard.Read read = freshness.read(List.of(productId), minVersion);
        ProductStock stock = found(read, productId);
        ProductStock.LineStock line = stock.lines().stream()
                .filter(candidate -> variantId.equals(candidate.variantId()))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.VARIANT_NOT_FOUND,
                        "Product '" + productId + "' has no variant '" + variantId + "'."));
        return respond(
                new VariantStock(productId, variantId, line.available(), stock.version(), line.updatedAt()),
                read.fresh());
    }

    @GetMapping
    ResponseEntity<StockBatch> batch(
            @RequestParam("productIds") @Size(min = 1, max = 200) List<@ValidId String> productIds,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        FreshnessGuard.Read read = freshness.read(productIds, minVersion);
        Map<String, ProductStock> found = read.products();
        List<ProductStock> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : productIds) {
            ProductStock stock = found.get(id);
            if (stock == null) {
                missing.add(id);
            } else {
                items.add(stock);
            }
        }
        return respond(new StockBatch(items, missing), read.fresh());
    }

    @GetMapping("/{productId}/availability")
    ResponseEntity<Availability> availability(
            @PathVariable("productId") @ValidId String productId,
            @RequestParam("quantity") @Min(1) @Max(1_000_000_000L) long quantity,
            @RequestParam(name = "variantId", required = false) @ValidId String variantId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        FreshnessGuard.Read read = freshness.read(List.of(productId), minVersion);
        long available = Optional.ofNullable(read.products().get(productId))
                .flatMap(stock -> stock.lines().stream()
                        .filter(line ->
                                variantId == null ? line.variantId() == null : variantId.equals(line.variantId()))
                        .findFirst())
                .map(ProductStock.LineStock::available)
                .orElse(0L);
        return respond(
                new Availability(productId, variantId, quantity, available, available >= quantity), read.fresh());
    }

    private <T> ResponseEntity<T> respond(T body, boolean fresh) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().header(LAG_HEADER, Long.toString(positions.lagMillis(Projections.STOCK_CACHE)));
        if (!fresh || positions.replaying(Projections.STOCK_CACHE)) {
            response.header(STALE_HEADER, "true");
        }
        return response.body(body);
    }

    private static ProductStock found(FreshnessGuard.Read read, String productId) {
        ProductStock stock = read.products().get(productId);
        if (stock == null) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product '" + productId + "' has no stock.");
        }
        return stock;
    }
}
