package com.acme.inventory.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keys are kept at least the 24 hours of the contract, then the service removes them itself. */
@CommandSideTest
class IdempotencyRetentionTest {

    @Autowired
    IdempotencyStore store;

    @Autowired
    JdbcTemplate jdbc;

    private long recordAgedHours(int hours) {
        long key = IdempotencyRecord.keyHash("k-" + UUID.randomUUID());
        jdbc.update(
                "INSERT INTO idempotency_key (key_hash, request_hash, stored_minute, answer) VALUES (?, 0, ?, ?)",
                key,
                (int) (Instant.now().minus(Duration.ofHours(hours)).getEpochSecond() / 60),
                new byte[] {0, 1, 1});
        return key;
    }

    @Test
    void recordsOlderThanTheRetentionAreRemovedAndYoungerOnesKept() {
        long old = recordAgedHours(26);
        long dayOld = recordAgedHours(24);
        long recent = recordAgedHours(1);

        assertThat(store.removeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(store.find(old)).isEmpty();
        assertThat(store.find(dayOld)).isPresent();
        assertThat(store.find(recent)).isPresent();
    }
}
