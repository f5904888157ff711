package com.acme.inventory.command.web;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.StockLineSpec;
import com.acme.inventory.command.application.CommandRunner;
import com.acme.inventory.command.web.CommandRequests.AdjustmentRequest;
import com.acme.inventory.command.web.CommandRequests.InitialStockRequest;
import com.acme.inventory.command.web.CommandRequests.RestockRequest;
import com.acme.inventory.command.web.CommandRequests.RestorationRequest;
import com.acme.inventory.command.web.CommandRequests.SaleRequest;
import com.acme.inventory.platform.web.ValidId;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The command endpoints of order services: validate, build the command, let the runner send it. */
@RestController
@RequestMapping(
        path = "/api/v1/inventory/{productId}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryCommandController {

    private final CommandRunner runner;

    InventoryCommandController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/initial-stock")
    ResponseEntity<String> initialStock(
            @PathVariable("productId") @ValidId String productId,
            @Valid @RequestBody InitialStockRequest body,
            CommandContext context) {
        var lines = body.lines().stream()
                .map(line -> new StockLineSpec(line.variantId(), line.quantity()))
                .toList();
        var command = new InitializeStockCommand(productId, lines, context.caller());
        return runner.run(context.call(command, HttpStatus.CREATED, body));
    }

    @PostMapping("/restocks")
    ResponseEntity<String> restock(
            @PathVariable("productId") @ValidId String productId,
            @Valid @RequestBody RestockRequest body,
            CommandContext context) {
        var command = new RestockCommand(productId, body.variantId(), body.quantity(), body.note(), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }

    @PostMapping("/sales")
    ResponseEntity<String> sale(
            @PathVariable("productId") @ValidId String productId,
            @Valid @RequestBody SaleRequest body,
            CommandContext context) {
        var command = new DeductStockForSaleCommand(
                productId, body.variantId(), body.orderId(), body.quantity(), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }

    @PostMapping("/sales/{orderId}/restorations")
    ResponseEntity<String> restoration(
            @PathVariable("productId") @ValidId String productId,
            @PathVariable("orderId") @ValidId String orderId,
            @Valid @RequestBody RestorationRequest body,
            CommandContext context) {
        var command = new RestoreStockForSaleCommand(
                productId, body.variantId(), orderId, body.quantity(), body.reason(), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }

    @PostMapping("/adjustments")
    ResponseEntity<String> adjustment(
            @PathVariable("productId") @ValidId String productId,
            @Valid @RequestBody AdjustmentRequest body,
            CommandContext context) {
        var command =
                new AdjustStockCommand(productId, body.variantId(), body.delta(), body.reason(), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }
}
