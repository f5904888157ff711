package com.acme.inventory.api;

/** A command for one product's stock: handled by that product's aggregate. */
public interface ProductCommand {

    String productId();
}
