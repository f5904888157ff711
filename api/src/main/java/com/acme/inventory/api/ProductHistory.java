package com.acme.inventory.api;

import java.util.List;

/** @param nextFromVersion the {@code fromVersion} of the next page, or {@code null} after the last event */
public record ProductHistory(String productId, List<HistoryEntry> events, Long nextFromVersion) {}
