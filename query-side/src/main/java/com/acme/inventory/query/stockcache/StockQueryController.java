package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.Availability;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.VariantStock;
import com.acme.inventory.platform.web.ApiException;
import com.acme.inventory.platform.web.ValidId;
import com.acme.inventory.query.projection.ProjectionPositions;
import com.acme.inventory.query.projection.Projections;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Stock reads for catalogue pages, with read-your-writes ({@code minVersion}), freshness headers and HTTP
 * caching: an {@code ETag} from the product versions, {@code If-None-Match} answered 304 without a body, and
 * {@code Cache-Control: no-cache, must-revalidate} so that a CDN or browser may keep an answer and ask again
 * cheaply each time (the check still goes through the token). Product and batch answers are the
 * {@link com.acme.inventory.api.StockBatch} and {@link ProductStock} JSON that {@link ProductJson} keeps, as bytes.
 */
@RestController
@RequestMapping(path = "/api/v1/stock", produces = MediaType.APPLICATION_JSON_VALUE)
class StockQueryController {

    static final String STALE_HEADER = "Inventory-Stale";
    static final String LAG_HEADER = "Inventory-Projection-Lag-Ms";
    private static final CacheControl REVALIDATE = CacheControl.noCache().mustRevalidate();

    private final StockReads reads;
    private final ProjectionPositions positions;
    private final ProductJson json;

    StockQueryController(StockReads reads, ProjectionPositions positions, ProductJson json) {
        this.reads = reads;
        this.positions = positions;
        this.json = json;
    }

    @GetMapping("/{productId}")
    ResponseEntity<byte[]> product(
            @PathVariable("productId") @ValidId String productId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        StockReads.Read read = reads.read(List.of(productId), minVersion);
        ProductStock stock = found(read, productId);
        return respond(json.of(stock), read, StockETags.ofVersion(stock.version()));
    }

    @GetMapping("/{productId}/variants/{variantId}")
    ResponseEntity<VariantStock> variant(
            @PathVariable("productId") @ValidId String productId,
            @PathVariable("variantId") @ValidId String variantId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        StockReads.Read read = reads.read(List.of(productId), minVersion);
        ProductStock stock = found(read, productId);
        ProductStock.LineStock line = stock.lines().stream()
                .filter(candidate -> variantId.equals(candidate.variantId()))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.VARIANT_NOT_FOUND,
                        "Product '" + productId + "' has no variant '" + variantId + "'."));
        return respond(
                new VariantStock(productId, variantId, line.available(), stock.version(), line.updatedAt()),
                read,
                StockETags.ofVersion(stock.version()));
    }

    /**
     * Written to the response here rather than returned: Spring MVC's argument resolution and return-value
     * handling were a tenth of the query side's CPU per read under the S3 bench. The 304 is Spring's own
     * {@link ServletWebRequest#checkNotModified}, the check Spring applies to the other reads' answers.
     */
    @GetMapping
    void batch(ServletWebRequest request, HttpServletResponse response) throws IOException {
        BatchQuery query = BatchQuery.of(request);
        StockReads.Read read = reads.read(query.productIds(), query.minVersion());
        Map<String, ProductStock> found = read.products();
        List<byte[]> items = new ArrayList<>(found.size());
        List<String> missing = new ArrayList<>();
        StockETags.BatchTag tag = StockETags.ofBatch();
        for (String id : query.productIds()) {
            ProductStock stock = found.get(id);
            tag.add(id, stock);
            if (stock == null) {
                missing.add(id);
            } else {
                items.add(json.of(stock));
            }
        }
        readHeaders(read).forEach((name, values) -> response.setHeader(name, values.get(0)));
        if (request.checkNotModified(tag.tag().formattedTag())) {
            return;
        }
        byte[] body = json.batch(items, missing);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @GetMapping("/{productId}/availability")
    ResponseEntity<Availability> availability(
            @PathVariable("productId") @ValidId String productId,
            @RequestParam("quantity") @Min(1) @Max(1_000_000_000L) long quantity,
            @RequestParam(name = "variantId", required = false) @ValidId String variantId,
            @RequestParam(name = "minVersion", required = false) @Min(1) Long minVersion) {
        StockReads.Read read = reads.read(List.of(productId), minVersion);
        Optional<ProductStock> stock = Optional.ofNullable(read.products().get(productId));
        long available = stock.flatMap(product -> product.lines().stream()
                        .filter(line ->
                                variantId == null ? line.variantId() == null : variantId.equals(line.variantId()))
                        .findFirst())
                .map(ProductStock.LineStock::available)
                .orElse(0L);
        return respond(
                new Availability(productId, variantId, quantity, available, available >= quantity),
                read,
                StockETags.ofVersion(stock.map(ProductStock::version).orElse(0L)));
    }

    /** Spring answers 304 without the body when {@code If-None-Match} names the tag. */
    private <T> ResponseEntity<T> respond(T body, StockReads.Read read, ETag tag) {
        return ResponseEntity.ok()
                .eTag(tag.formattedTag())
                .headers(readHeaders(read))
                .body(body);
    }

    /** What every stock read answers with besides its tag: revalidation, the lag and, if so, staleness. */
    private HttpHeaders readHeaders(StockReads.Read read) {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(REVALIDATE);
        headers.set(LAG_HEADER, Long.toString(reads.lagMillis()));
        if (!read.fresh() || positions.replaying(Projections.STOCK_CACHE)) {
            headers.set(STALE_HEADER, "true");
        }
        return headers;
    }

    private static ProductStock found(StockReads.Read read, String productId) {
        ProductStock stock = read.products().get(productId);
        if (stock == null) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product '" + productId + "' has no stock.");
        }
        return stock;
    }
}
