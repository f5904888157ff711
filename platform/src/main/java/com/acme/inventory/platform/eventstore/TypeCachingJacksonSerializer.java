package com.acme.inventory.platform.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, remembering the class each stored type name denotes. Axon asks for the
 * class of every event a processor looks at (its payload type decides which handler applies), and
 * Jackson answers with {@code Class.forName} through the application's class loader each time.
 * Names that denote no class are left to Axon, which remembers those itself.
 */
final class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> known = new ConcurrentHashMap<>();

    TypeCachingJacksonSerializer(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> cached = known.get(type.getName());
        if (cached != null) {
            return cached;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class) {
            known.put(type.getName(), resolved);
        }
        return resolved;
    }
}
