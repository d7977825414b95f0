package net.trader4.keycloak.qr.approval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The theme's templates and messages as the themes module holds them. */
final class ThemeMessages {

    static final Path THEME_RESOURCES = Path.of("..", "themes", "src", "main", "resources", "theme-resources");
    static final String[] LANGUAGES = {"en", "de", "fa"};

    private ThemeMessages() {
    }

    static Properties of(String language) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME_RESOURCES.resolve("messages").resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Path templates() {
        return THEME_RESOURCES.resolve("templates");
    }
}
