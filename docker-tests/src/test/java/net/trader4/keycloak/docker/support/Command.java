package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command run to completion within a bound, its output (stdout and stderr together) kept in
 * memory and in a log file. Secrets travel in {@code env}, never in the arguments a log shows.
 */
public final class Command {

    public record Result(int exitCode, String output, Duration took) {

        public String lastLines(int count) {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }

    private final List<String> arguments;
    private final Map<String, String> env;
    private final Path directory;

    public Command(List<String> arguments, Map<String, String> env, Path directory) {
        this.arguments = List.copyOf(arguments);
        this.env = Map.copyOf(env);
        this.directory = directory;
    }

    public Result run(Duration bound, Path log) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Not done within " + bound.toSeconds() + " s: " + this + " (output: " + log + ")");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Result(127, String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + this, e);
        }
    }

    public Result runOrFail(Duration bound, Path log) {
        Result result = run(bound, log);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Failed (exit " + result.exitCode() + "): " + this + "\n" + result.lastLines(40)
                    + "\n(whole output: " + log + ")");
        }
        return result;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments);
    }
}
