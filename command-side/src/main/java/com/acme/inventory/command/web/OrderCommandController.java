package com.acme.inventory.command.web;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.RestoreStockForOrderCommand;
import com.acme.inventory.command.application.CommandRunner;
import com.acme.inventory.command.web.CommandRequests.OrderLineRequest;
import com.acme.inventory.command.web.CommandRequests.OrderRestorationRequest;
import com.acme.inventory.command.web.CommandRequests.OrderSaleRequest;
import com.acme.inventory.platform.web.ApiProblems;
import com.acme.inventory.platform.web.ApiValidationException;
import com.acme.inventory.platform.web.ValidId;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whole orders: all of an order's lines, across products, sold or restored together, or none. */
@RestController
@RequestMapping(
        path = "/api/v1/orders/{orderId}",
        consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class OrderCommandController {

    private final CommandRunner runner;

    OrderCommandController(CommandRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/sales")
    ResponseEntity<String> sell(
            @PathVariable("orderId") @ValidId String orderId,
            @Valid @RequestBody OrderSaleRequest body,
            CommandContext context) {
        var command = new DeductStockForOrderCommand(orderId, distinct(body.lines()), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }

    @PostMapping("/restorations")
    ResponseEntity<String> restore(
            @PathVariable("orderId") @ValidId String orderId,
            @Valid @RequestBody OrderRestorationRequest body,
            CommandContext context) {
        List<OrderLine> lines = body.lines() == null ? null : distinct(body.lines());
        var command = new RestoreStockForOrderCommand(orderId, lines, body.reason(), context.caller());
        return runner.run(context.call(command, HttpStatus.OK, body));
    }

    /** The lines, each (product, variant) once: a repeated line is named in {@code errors} and {@code lines}. */
    private static List<OrderLine> distinct(List<OrderLineRequest> requested) {
        Map<String, Integer> first = new HashMap<>();
        List<ApiProblems.FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> repeated = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OrderLineRequest line = requested.get(i);
            Integer earlier = first.putIfAbsent(
                    line.productId() + '\u0000' + LineKey.of(line.variantId()).value(), i);
            if (earlier != null) {
                errors.add(
                        new ApiProblems.FieldError("lines[" + i + "]", "repeats the line of lines[" + earlier + "]"));
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("productId", line.productId());
                shown.put("variantId", line.variantId());
                shown.put("code", ErrorCode.VALIDATION_FAILED.name());
                repeated.add(shown);
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors, repeated);
        }
        return requested.stream()
                .map(line -> new OrderLine(line.productId(), line.variantId(), line.quantity()))
                .toList();
    }
}
