package com.acme.inventory.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.StockRestockedEvent;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class TypeCachingJacksonSerializerTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final TypeCachingJacksonSerializer serializer = new TypeCachingJacksonSerializer(JacksonSerializer.builder()
            .objectMapper(EventStoreConfiguration.messageObjectMapper().setTypeFactory(new CountingTypeFactory())));

    @Test
    void looksAStoredTypeUpOnceAndAnswersAsAxonDoes() {
        SerializedType type = new SimpleSerializedType(StockRestockedEvent.class.getName(), "1");

        assertThat(serializer.classForType(type)).isEqualTo(StockRestockedEvent.class);
        assertThat(serializer.classForType(new SimpleSerializedType(type.getName(), null)))
                .isEqualTo(StockRestockedEvent.class);
        assertThat(lookups).hasValue(1);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void aNameWithoutAClassStaysUnknown() {
        SerializedType type = new SimpleSerializedType("com.acme.inventory.api.NoSuchEvent", "1");

        assertThat(serializer.classForType(type)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(type)).isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void deserializesWhatItSerialized() {
        StockRestockedEvent event = new StockRestockedEvent("p-1", "v", 3, 10, "count", "ops");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        Object first = serializer.deserialize(stored);
        Object second = serializer.deserialize(stored);
        assertThat(first).isEqualTo(event);
        assertThat(second).isEqualTo(event);
    }

    /** Counts the class lookups that reach Jackson (Axon's own path to a stored type's class). */
    private final class CountingTypeFactory extends TypeFactory {

        CountingTypeFactory() {
            super(new LRUMap<>(16, 200));
        }

        @Override
        public Class<?> findClass(String className) throws ClassNotFoundException {
            lookups.incrementAndGet();
            return super.findClass(className);
        }
    }
}
