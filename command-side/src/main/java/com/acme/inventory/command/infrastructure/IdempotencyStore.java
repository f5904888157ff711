package com.acme.inventory.command.infrastructure;

import com.acme.inventory.platform.database.ConciseFailureLog;
import com.acme.inventory.platform.database.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stored first responses, in table {@code idempotency_record}. Writes join the caller's transaction,
 * so a response is stored if and only if the command's events are.
 */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final ConciseFailureLog databaseFailures = new ConciseFailureLog(log, Duration.ofMinutes(10));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyStore(
            JdbcTemplate jdbc, Clock clock, @Value("${inventory.idempotency.retention:25h}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    public Optional<IdempotencyRecord> find(String key) {
        return jdbc
                .query(
                        "SELECT idempotency_key, request_hash, status, body FROM idempotency_record WHERE idempotency_key = ?",
                        (rs, row) ->
                                new IdempotencyRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                        key)
                .stream()
                .findFirst();
    }

    /** Throws {@code DuplicateKeyException} when a concurrent request stored the key first. */
    public void save(IdempotencyRecord record) {
        jdbc.update(
                "INSERT INTO idempotency_record (idempotency_key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)",
                record.key(),
                record.requestHash(),
                record.status(),
                record.body(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Keys are kept for the retention period (at least the 24 hours of the contract), then removed. */
    @Scheduled(fixedDelayString = "${inventory.idempotency.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    public int removeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC);
        int removed;
        try {
            removed = jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", cutoff);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unreachable(e)) {
                throw e;
            }
            databaseFailures.failed("Expired idempotency records not removed; next interval", e);
            return 0;
        }
        if (removed > 0) {
            log.info("Removed {} idempotency records older than {}", removed, retention);
        }
        return removed;
    }
}
