package com.acme.inventory.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;

class PerThreadRandomIdentifierFactoryTest {

    @Test
    void axonFindsItThroughTheServiceLoader() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadRandomIdentifierFactory.class);
        String messageId = new GenericMessage<>("payload").getIdentifier();
        assertThat(UUID.fromString(messageId).version()).isEqualTo(4);
    }

    @Test
    void makesDistinctVersionFourUuidsOnEveryThread() throws InterruptedException {
        IdentifierFactory factory = new PerThreadRandomIdentifierFactory();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int thread = 0; thread < 8; thread++) {
            threads.execute(() -> {
                for (int i = 0; i < 25_000; i++) {
                    ids.add(factory.generateIdentifier());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(ids).hasSize(200_000);
        assertThat(ids).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        });
    }
}
