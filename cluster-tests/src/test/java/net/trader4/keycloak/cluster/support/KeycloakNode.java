package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.trader4.keycloak.testsupport.ApiClient;

/** One Keycloak node of the cluster: its own copy of the distribution, ports and log. */
public final class KeycloakNode {

    private static final Pattern CLUSTER_VIEW = Pattern.compile("\\] \\((\\d+)\\) \\[");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int index;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private Process process;

    KeycloakNode(int index, Path home, int httpPort, int managementPort, int clusterPort) {
        this.index = index;
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
    }

    public int index() {
        return index;
    }

    public int httpPort() {
        return httpPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** A client of this node's API in the cluster's realm. */
    public ApiClient api() {
        return new ApiClient(realmUrl(KeycloakCluster.REALM));
    }

    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/health/ready";
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("node.log");
    }

    List<Integer> ports() {
        return List.of(httpPort, managementPort, clusterPort);
    }

    /** {@code kc.sh start --optimized} in the background; output goes to {@link #log()}. */
    void start(String jdbcUrl, List<String> extraOptions, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + jdbcUrl,
                "--db-username=" + PostgresDatabase.USER,
                "--db-password=" + PostgresDatabase.PASSWORD,
                "--hostname-strict=false",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("Node " + index + " could not be started", e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl()))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListeningOrTooSlow) {
            // a node that is starting, stopped or stalled is simply not ready
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the node answers ready and sees {@code members} cluster members. */
    void awaitReady(int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("Node " + index + " exited during start-up:\n" + tail(60));
            }
            if (isReady() && clusterSize() >= members) {
                return;
            }
            Sleep.millis(500);
        }
        throw new IllegalStateException("Node " + index + " not ready with " + members + " members within "
                + timeout.toSeconds() + " s:\n" + tail(60));
    }

    /** The size of the last cluster view Infinispan logged: {@code ISPN000094: ... [a|1] (2) [a, b]}. */
    int clusterSize() {
        int size = 0;
        for (String line : logLines()) {
            if (line.contains("ISPN000094")) {
                Matcher view = CLUSTER_VIEW.matcher(line);
                if (view.find()) {
                    size = Integer.parseInt(view.group(1));
                }
            }
        }
        return size;
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to the cluster. */
    public void killHard() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A graceful stop, then a hard one if it does not end in time. */
    void stop() {
        if (!isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                killHard();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killHard();
        }
    }

    public String tail(int lines) {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Lines of this node's log that contain {@code text}. */
    public long logCount(String text) {
        return logLines().stream().filter(l -> l.contains(text)).count();
    }

    /** The log's lines; bytes that are not UTF-8 (hostile input a node logged) are replaced, not fatal. */
    private List<String> logLines() {
        if (!Files.exists(log())) {
            return List.of();
        }
        try {
            return new String(Files.readAllBytes(log()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The log of node " + index + " could not be read", e);
        }
    }
}
