package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The fixes one step made to an existing item, in words for the report. */
final class Changes {

    private final List<String> made = new ArrayList<>();

    /** Sets {@code wanted} through {@code setter} when {@code current} differs, noting {@code what}. */
    <T> void ensure(T current, T wanted, Consumer<T> setter, String what) {
        if (current == null ? wanted != null : !current.equals(wanted)) {
            setter.accept(wanted);
            made.add(what);
        }
    }

    void add(String what) {
        made.add(what);
    }

    boolean none() {
        return made.isEmpty();
    }

    @Override
    public String toString() {
        return String.join("; ", made);
    }
}
