package net.trader4.keycloak.frontdoor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the repository's scripts, started as a newcomer starts it, with its output kept (in memory
 * and in a log file under target/) so that a test can wait for what it prints.
 */
final class ScriptRun implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ScriptRun(Process process, Path log) {
        this.process = process;
        this.reader = new Thread(() -> copy(log), "output of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code script} in {@code repo} with {@code env} added to this JVM's environment. */
    static ScriptRun start(Path repo, Path log, Map<String, String> env, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Files.createDirectories(log.getParent());
        return new ScriptRun(builder.start(), log);
    }

    private void copy(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended; what it printed so far is kept.
        }
    }

    boolean printed(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    /** The first group of the first line from {@code from} on that matches, waiting up to {@code bound}. */
    Optional<String> awaitMatch(Pattern pattern, int from, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lines) {
            int next = from;
            while (true) {
                for (; next < lines.size(); next++) {
                    Matcher m = pattern.matcher(lines.get(next));
                    if (m.find()) {
                        return Optional.of(m.group(1));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return Optional.empty();
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the script to end on its own; its exit code. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the script still runs after " + bound.toSeconds() + " s");
        }
        reader.join(bound.toMillis());
        return process.exitValue();
    }

    /**
     * Stops the script as a service manager would, with SIGTERM: its own trap stops what it started.
     * (Not SIGINT: a process started in the background, as a build may be, ignores it for good.)
     */
    void terminate() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    }

    /** Stops the script and waits; anything still left of it afterwards is killed. */
    @Override
    public void close() throws IOException, InterruptedException {
        Set<ProcessHandle> started = new HashSet<>(process.descendants().toList());
        if (process.isAlive()) {
            terminate();
            process.waitFor(2, TimeUnit.MINUTES);
        }
        started.addAll(process.descendants().toList());
        started.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    String tail() {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
