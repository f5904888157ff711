package com.acme.inventory.command.infrastructure;

import com.acme.inventory.platform.database.ConciseFailureLog;
import com.acme.inventory.platform.database.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stored first answers, in table {@code idempotency_key}, one compact row per key. In a write batch the
 * batch's keys are read in one query up front, and its new records are written with its events, in key
 * order: a record is stored if and only if the command's events are.
 */
@Component
public class IdempotencyStore implements BatchPreparer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final ConciseFailureLog databaseFailures = new ConciseFailureLog(log, Duration.ofMinutes(10));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final StagedTable<Long, IdempotencyRecord> records =
            new StagedTable<>(WriteBatch.IDEMPOTENCY, this::read, this::insert);

    IdempotencyStore(
            JdbcTemplate jdbc, Clock clock, @Value("${inventory.idempotency.retention:25h}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    public Optional<IdempotencyRecord> find(long key) {
        return records.find(key);
    }

    /** In a batch, written with its events; outside one, at once (a concurrent duplicate fails on the key). */
    public void save(IdempotencyRecord record) {
        records.insert(record.key(), record);
    }

    @Override
    public void prepare(List<CommandMessage<?>> commands, int attempt) {
        records.prepare(
                commands.stream()
                        .map(command -> command.getMetaData().get(IdempotencyInterceptor.KEY))
                        .filter(String.class::isInstance)
                        .map(key -> IdempotencyRecord.keyHash((String) key))
                        .toList(),
                attempt);
    }

    /** Keys are kept for the retention period (at least the 24 hours of the contract), then removed. */
    @Scheduled(fixedDelayString = "${inventory.idempotency.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    public int removeExpired() {
        int cutoff = minute(clock.millis() - retention.toMillis());
        int removed;
        try {
            removed = jdbc.update("DELETE FROM idempotency_key WHERE stored_minute < ?", cutoff);
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

    private Map<Long, Optional<IdempotencyRecord>> read(List<Long> keys) {
        Map<Long, Optional<IdempotencyRecord>> found = new HashMap<>();
        keys.forEach(key -> found.put(key, Optional.empty()));
        jdbc.query(
                "SELECT key_hash, request_hash, answer FROM idempotency_key WHERE key_hash = ANY (CAST(? AS BIGINT ARRAY))",
                rs -> {
                    long key = rs.getLong(1);
                    found.put(key, Optional.of(new IdempotencyRecord(key, rs.getLong(2), rs.getBytes(3))));
                },
                (Object) keys.toArray(Long[]::new));
        return found;
    }

    private void insert(SortedMap<Long, IdempotencyRecord> records) {
        int now = minute(clock.millis());
        jdbc.batchUpdate(
                "INSERT INTO idempotency_key (key_hash, request_hash, stored_minute, answer) VALUES (?, ?, ?, ?)",
                records.values().stream()
                        .map(record -> new Object[] {record.key(), record.requestHash(), now, record.answer()})
                        .toList());
    }

    private static int minute(long epochMillis) {
        return Math.toIntExact(epochMillis / 60_000);
    }
}
