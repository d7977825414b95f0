package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long the images took to build and the server to start, printed and kept in the module's target folder. */
public final class Timings {

    private static final Pattern KEYCLOAK_STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final Path file;

    public Timings(Path file) {
        this.file = file;
        write("", StandardOpenOption.TRUNCATE_EXISTING);
    }

    public void note(String line) {
        System.out.println("[docker timings] " + line);
        write(line + "\n", StandardOpenOption.APPEND);
    }

    public void note(String what, Duration took) {
        note(what + ": " + took.toSeconds() + " s");
    }

    /** Keycloak's own start time, from its "... started in 12.345s." line. */
    public static Optional<String> keycloakStart(String logs) {
        Matcher matcher = KEYCLOAK_STARTED.matcher(logs);
        return matcher.find() ? Optional.of(matcher.group(1) + " s") : Optional.empty();
    }

    private void write(String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
