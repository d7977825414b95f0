package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, with a bound on its time. */
final class Shell {

    record Result(int exitCode, String output) {
    }

    private Shell() {
    }

    static Result run(long timeoutSeconds, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String runOrFail(long timeoutSeconds, List<String> command) {
        Result result = run(timeoutSeconds, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Failed (" + result.exitCode() + "): " + String.join(" ", command) + "\n" + result.output());
        }
        return result.output();
    }
}
