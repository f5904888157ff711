package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.UncheckedIOException;

/**
 * A product's stock as the JSON the reads answer with, written by the application's own {@link ObjectMapper}
 * and kept by the {@link StockView} until the product changes: a catalogue page asks for the same unchanged
 * products again and again, and writing them was a third of a batch read's time. Table reads, and reads with
 * {@code inventory.query.keep-json: false}, write each answer anew.
 */
final class ProductJson {

    private final ObjectWriter writer;
    private final StockView view;

    private ProductJson(ObjectMapper mapper, StockView view) {
        this.writer = mapper.writerFor(ProductStock.class);
        this.view = view;
    }

    /** For reads from the view: each product's JSON is kept with it. */
    static ProductJson keptIn(StockView view, ObjectMapper mapper) {
        return new ProductJson(mapper, view);
    }

    /** For reads from the table, or with keeping turned off: each product is written for each answer. */
    static ProductJson writtenEachTime(ObjectMapper mapper) {
        return new ProductJson(mapper, null);
    }

    /** The product's JSON, to be written as it is inside an answer. */
    RawValue of(ProductStock stock) {
        return new RawValue(view == null ? render(stock) : view.json(stock, this::render));
    }

    private String render(ProductStock stock) {
        try {
            return writer.writeValueAsString(stock);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
