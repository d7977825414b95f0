package net.trader4.keycloak.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Everything logged under {@code net.trader4}, at every level, while open (jboss-logging → JUL in tests). */
final class CapturedLogs extends Handler implements AutoCloseable {

    private static final Logger OURS = Logger.getLogger("net.trader4");

    private final List<String> lines = new ArrayList<>();
    private final Level previousLevel;
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturedLogs() {
        previousLevel = OURS.getLevel();
        setLevel(Level.ALL);
        OURS.setLevel(Level.ALL);
        OURS.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        OURS.removeHandler(this);
        OURS.setLevel(previousLevel);
    }
}
