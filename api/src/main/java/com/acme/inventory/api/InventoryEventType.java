package com.acme.inventory.api;

/** The kinds of stock event; the names are part of the HTTP contract (history, command responses). */
public enum InventoryEventType {
    INITIAL_STOCK,
    RESTOCK,
    SALE_DEDUCT,
    SALE_RESTORE,
    ADJUSTMENT
}
