package net.trader4.keycloak.otp.channel.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One value per realm made from the realm's settings (its SMTP server): kept while the settings
 * stay the same, made afresh and the old one retired as soon as a realm's settings differ.
 *
 * @param <T> what is made from the settings
 */
final class PerRealm<T> {

    private record Made<T>(Map<String, String> settings, T value) {
    }

    private final Map<String, Made<T>> byRealm = new ConcurrentHashMap<>();
    private final Consumer<T> retirer;

    PerRealm(Consumer<T> retirer) {
        this.retirer = retirer;
    }

    /**
     * The value for the realm's current settings; {@code maker} makes one (from a copy of the
     * settings) when they are new or changed.
     */
    T current(String realmId, Map<String, String> settings, Function<Map<String, String>, T> maker) {
        Made<T> made = byRealm.get(realmId);
        if (made != null && made.settings().equals(settings)) {
            return made.value();
        }
        List<T> replaced = new ArrayList<>(1);
        Made<T> now = byRealm.compute(realmId, (id, old) -> {
            if (old != null && old.settings().equals(settings)) {
                return old;
            }
            if (old != null) {
                replaced.add(old.value());
            }
            Map<String, String> copy = Collections.unmodifiableMap(new HashMap<>(settings));
            return new Made<>(copy, maker.apply(copy));
        });
        replaced.forEach(retirer);
        return now.value();
    }

    void forEach(Consumer<T> action) {
        byRealm.values().forEach(made -> action.accept(made.value()));
    }

    /** Retires every value; the realms get new ones on their next use. */
    void retireAll() {
        for (String realmId : List.copyOf(byRealm.keySet())) {
            Made<T> gone = byRealm.remove(realmId);
            if (gone != null) {
                retirer.accept(gone.value());
            }
        }
    }
}
