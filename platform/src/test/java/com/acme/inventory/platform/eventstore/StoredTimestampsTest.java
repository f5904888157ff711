package com.acme.inventory.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = DateTimeUtils.formatInstant(Instant.ofEpochSecond(random.nextLong(from, to), nanos));

            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-28T15:25:29Z",
                "2026-11-28T15:25:29.1Z",
                "2026-11-28T15:25:29.123456Z",
                "2024-02-29T23:59:59.999999999Z",
                "2026-11-28T15:25:29.123+02:00",
                "2026-11-28t15:25:29.123z",
                "2026-11-28T15:25:29.123-00:30",
                "2026-11-28T15:25:29.Z"
            })
    void readsEveryStoredFormAsAxonReadsIt(String text) {
        assertThat(StoredTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-11-28T24:00:00Z",
                "2026-11-28T15:25:29.1234567890Z",
                "2026-1a-28T15:25:29Z",
                "not a time"
            })
    void rejectsWhatAxonRejects(String text) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
