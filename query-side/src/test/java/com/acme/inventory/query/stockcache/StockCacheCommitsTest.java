package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StockCacheCommitsTest {

    private final StockCacheCommits commits = new StockCacheCommits();

    @Test
    void aWaitingReadWakesWhenItsVersionCommits() throws Exception {
        StockCacheCommits.Wait wait = commits.register(List.of("p"), 5);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> await(wait, 60_000));

        commits.committed(Map.of("p", 5L));

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOlderVersionOrAnotherProductDoesNotWakeIt() throws Exception {
        StockCacheCommits.Wait wait = commits.register(List.of("p"), 5);

        commits.committed(Map.of("p", 4L, "q", 9L));

        assertThat(wait.await(50)).isFalse();
        assertThat(wait.await(0)).isFalse();
    }

    @Test
    void aCommitBetweenRegisteringAndWaitingIsNotMissed() {
        StockCacheCommits.Wait wait = commits.register(List.of("p"), 5);
        commits.committed(Map.of("p", 7L));

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> wait.await(60_000)))
                .isTrue();
    }

    @Test
    void aBatchWaitsForEveryProductFromCommitsOrFromTheDatabase() throws Exception {
        StockCacheCommits.Wait wait = commits.register(List.of("a", "b"), 3);

        commits.committed(Map.of("a", 3L));
        assertThat(wait.await(20)).isFalse();

        wait.reached(List.of("b"));
        assertThat(wait.await(0)).isTrue();
    }

    @Test
    void anAnsweredReadLeavesNoWaitBehind() {
        try (StockCacheCommits.Wait first = commits.register(List.of("a", "b"), 1);
                StockCacheCommits.Wait second = commits.register(List.of("b"), 2)) {
            assertThat(commits.waitedForProducts()).isEqualTo(2);
        }

        assertThat(commits.waitedForProducts()).isZero();
    }

    private static boolean await(StockCacheCommits.Wait wait, long millis) {
        try {
            return wait.await(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
