package com.acme.inventory.query.projection;

/**
 * What the status endpoints report for a projection.
 *
 * @param state           RUNNING, REPLAYING, STOPPED (on this instance) or ERROR
 * @param position        lowest global index the projection has passed, over all its segments
 * @param headPosition    highest global index in the event store
 * @param progress        0..1 through the current replay; 1 when none runs
 * @param eventsPerSecond rate over the last seconds, or null before there is one
 * @param etaSeconds      estimated seconds until the replay catches up, or null
 * @param lagMs           how far the projection trails the newest event, in ms
 */
public record ProjectionStatus(
        String name,
        String state,
        long position,
        long headPosition,
        double progress,
        boolean replaying,
        Double eventsPerSecond,
        Long etaSeconds,
        long lagMs,
        String lastError) {}
