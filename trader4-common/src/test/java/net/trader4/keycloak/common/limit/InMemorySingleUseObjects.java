package net.trader4.keycloak.common.limit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A single-use object store for unit tests: the same contract as Keycloak's (atomic
 * {@code putIfAbsent} and {@code remove}, lifespans in seconds of {@link Time}), in one map.
 */
public class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(new HashMap<>(notes), Time.currentTime() + lifespanSeconds));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry entry = entries.remove(key);
        return entry == null || entry.expiresAt() <= Time.currentTime() ? null : entry.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        throw new UnsupportedOperationException("replace drops the lifespan; the project never uses it");
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanInSeconds) {
        long now = Time.currentTime();
        Entry fresh = new Entry(Map.of(), now + lifespanInSeconds);
        Entry result = entries.compute(key, (k, existing) -> existing == null || existing.expiresAt() <= now ? fresh : existing);
        return result == fresh;
    }

    @Override
    public boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public void close() {
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        return entry == null || entry.expiresAt() <= Time.currentTime() ? null : entry;
    }
}
