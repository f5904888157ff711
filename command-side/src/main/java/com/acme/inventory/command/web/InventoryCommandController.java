package com.acme.inventory.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.StockLineSpec;
import com.acme.inventory.command.web.CommandRequests.AdjustmentRequest;
import com.acme.inventory.command.web.CommandRequests.InitialStockRequest;
import com.acme.inventory.command.web.CommandRequests.RestockRequest;
import com.acme.inventory.command.web.CommandRequests.RestorationRequest;
import com.acme.inventory.command.web.CommandRequests.SaleRequest;
import com.acme.inventory.platform.web.ValidId;

/** The command endpoints of order services: validate, build the command, let the runner send it. */
@RestController
@RequestMapping(path = "/api/v1/inventory/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryCommandController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String KEY_FORMAT = "[\\x20-\\x7E]{1,128}";
    private static final String KEY_MESSAGE = "must be 1 to 128 printable ASCII characters";

    private final CommandRunner runner;

    InventoryCommandController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/initial-stock")
    ResponseEntity<String> initialStock(@PathVariable("productId") @ValidId String productId,
                                        @Valid @RequestBody InitialStockRequest body,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                        @Pattern(regexp = KEY_FORMAT, message = KEY_MESSAGE) String key,
                                        Authentication caller, HttpServletRequest request) {
        var lines = body.lines().stream().map(line -> new StockLineSpec(line.variantId(), line.quantity())).toList();
        return run(new InitializeStockCommand(productId, lines, caller.getName()), HttpStatus.CREATED, body, key,
                request);
    }

    @PostMapping("/restocks")
    ResponseEntity<String> restock(@PathVariable("productId") @ValidId String productId,
                                   @Valid @RequestBody RestockRequest body,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                   @Pattern(regexp = KEY_FORMAT, message = KEY_MESSAGE) String key,
                                   Authentication caller, HttpServletRequest request) {
        return run(new RestockCommand(productId, body.variantId(), body.quantity(), body.note(), caller.getName()),
                HttpStatus.OK, body, key, request);
    }

    @PostMapping("/sales")
    ResponseEntity<String> sale(@PathVariable("productId") @ValidId String productId,
                                @Valid @RequestBody SaleRequest body,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                @Pattern(regexp = KEY_FORMAT, message = KEY_MESSAGE) String key,
                                Authentication caller, HttpServletRequest request) {
        return run(new DeductStockForSaleCommand(productId, body.variantId(), body.orderId(), body.quantity(),
                caller.getName()), HttpStatus.OK, body, key, request);
    }

    @PostMapping("/sales/{orderId}/restorations")
    ResponseEntity<String> restoration(@PathVariable("productId") @ValidId String productId,
                                       @PathVariable("orderId") @ValidId String orderId,
                                       @Valid @RequestBody RestorationRequest body,
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                       @Pattern(regexp = KEY_FORMAT, message = KEY_MESSAGE) String key,
                                       Authentication caller, HttpServletRequest request) {
        return run(new RestoreStockForSaleCommand(productId, body.variantId(), orderId, body.quantity(),
                body.reason(), caller.getName()), HttpStatus.OK, body, key, request);
    }

    @PostMapping("/adjustments")
    ResponseEntity<String> adjustment(@PathVariable("productId") @ValidId String productId,
                                      @Valid @RequestBody AdjustmentRequest body,
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                      @Pattern(regexp = KEY_FORMAT, message = KEY_MESSAGE) String key,
                                      Authentication caller, HttpServletRequest request) {
        return run(new AdjustStockCommand(productId, body.variantId(), body.delta(), body.reason(), caller.getName()),
                HttpStatus.OK, body, key, request);
    }

    private ResponseEntity<String> run(Object command, HttpStatus success, Object body, String key,
                                       HttpServletRequest request) {
        return runner.run(new CommandRunner.CommandCall(command, success, request.getMethod(), request.getRequestURI(),
                body, key));
    }
}
