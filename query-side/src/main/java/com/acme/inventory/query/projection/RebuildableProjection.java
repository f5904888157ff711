package com.acme.inventory.query.projection;

/** A projection that a replay rebuilds in place (rows marked pending by its reset handler). */
public interface RebuildableProjection {

    String projectionName();

    /** Called once after a replay has passed every event: removes the rows no event rebuilt. */
    void removeRowsWithoutEvents();
}
