package com.acme.inventory.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    private String recordAgedHours(int hours) {
        String key = "k-" + UUID.randomUUID();
        jdbc.update(
                "INSERT INTO idempotency_record (idempotency_key, request_hash, status, body, created_at) VALUES (?, ?, 200, '{}', ?)",
                key,
                "0".repeat(64),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours));
        return key;
    }

    @Test
    void recordsOlderThanTheRetentionAreRemovedAndYoungerOnesKept() {
        String old = recordAgedHours(26);
        String dayOld = recordAgedHours(24);
        String recent = recordAgedHours(1);

        assertThat(store.removeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(store.find(old)).isEmpty();
        assertThat(store.find(dayOld)).isPresent();
        assertThat(store.find(recent)).isPresent();
    }
}
