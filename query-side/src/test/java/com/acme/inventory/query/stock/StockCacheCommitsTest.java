package com.acme.inventory.query.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StockCacheCommitsTest {

    private final StockCacheCommits commits = new StockCacheCommits();

    @Test
    void aCommitBetweenLookingAndWaitingIsNotMissed() {
        long seen = commits.count();
        commits.committed();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> commits.awaitCommitAfter(seen, 60_000));
        assertThat(commits.count()).isEqualTo(seen + 1);
    }

    @Test
    void aWaitingReadWakesOnTheNextCommit() throws Exception {
        long seen = commits.count();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                commits.awaitCommitAfter(seen, 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        commits.committed();

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(waiting).isCompleted();
    }
}
