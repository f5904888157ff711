package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.StockBatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A product's stock as the JSON (UTF-8) the reads answer with, written by the application's own
 * {@link ObjectMapper} and kept by the {@link StockView} until the product changes: a catalogue page asks for
 * the same unchanged products again and again, and writing them was a third of a batch read's time. A batch
 * answer is its products' kept bytes put one after the other, so a read copies bytes and encodes nothing
 * (Jackson writing the kept JSON as raw strings was a fifth of the S3 bench's samples). Table reads, and
 * reads with {@code inventory.query.keep-json: false}, write each product anew.
 */
final class ProductJson {

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MISSING = "],\"missing\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONE = "[]".getBytes(StandardCharsets.UTF_8);

    private final ObjectWriter product;
    private final ObjectWriter ids;
    private final StockView view;

    private ProductJson(ObjectMapper mapper, StockView view) {
        this.product = mapper.writerFor(ProductStock.class);
        this.ids = mapper.writerFor(mapper.getTypeFactory().constructCollectionType(List.class, String.class));
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

    /** The product's JSON. */
    byte[] of(ProductStock stock) {
        return view == null ? render(stock) : view.json(stock, this::render);
    }

    /** A {@link StockBatch} of these products (each as {@link #of}) and missing ids, as JSON. */
    byte[] batch(List<byte[]> items, List<String> missing) {
        // most pages miss nothing: an empty list costs Jackson as much as copying a dozen products
        byte[] missingJson = missing.isEmpty() ? NONE : write(ids, missing);
        int size = ITEMS.length + Math.max(0, items.size() - 1) + MISSING.length + missingJson.length + 1;
        for (byte[] item : items) {
            size += item.length;
        }
        ByteBuffer body = ByteBuffer.allocate(size).put(ITEMS);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body.put((byte) ',');
            }
            body.put(items.get(i));
        }
        return body.put(MISSING).put(missingJson).put((byte) '}').array();
    }

    private byte[] render(ProductStock stock) {
        return write(product, stock);
    }

    private static byte[] write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
