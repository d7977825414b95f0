package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker/compose.yaml} as shipped, with the test's additions in a second file, under one
 * fixed project name: a run that was killed leaves nothing the next one trips over.
 */
public final class ComposeStack implements AutoCloseable {

    static final String PROJECT = "trader4-docker-it";
    private static final Duration UP_BOUND = Duration.ofMinutes(10);
    private static final Duration SHORT = Duration.ofMinutes(2);

    private final DockerEngine engine;
    private final List<String> compose;
    private final Path repository;
    private final Map<String, String> env;
    private final int keycloakPort;
    private final int apiPort;
    private final int managementPort;
    private final String adminPassword;

    private ComposeStack(DockerEngine engine, Path repository, List<String> files, Path envFile, Map<String, String> settings)
            throws IOException {
        this.engine = engine;
        this.repository = repository;
        this.compose = new ArrayList<>(engine.composeCommand());
        if (envFile != null) {
            compose.addAll(List.of("--env-file", envFile.toString()));
        }
        compose.addAll(List.of("-p", PROJECT));
        files.forEach(file -> compose.addAll(List.of("-f", file)));
        this.keycloakPort = freePort();
        this.apiPort = freePort();
        this.managementPort = freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("KC_HOSTNAME", keycloakUrl());
        env.put("KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("API_PORT", String.valueOf(apiPort));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        this.env = Map.copyOf(env);
        this.adminPassword = env.containsKey("KC_ADMIN_PASSWORD") ? env.get("KC_ADMIN_PASSWORD") : envFileValue(envFile, "KC_ADMIN_PASSWORD");
    }

    /**
     * The stack of the given compose files (paths from the repository root, or absolute) on free
     * loopback ports, with {@code settings} (images, passwords) in its environment, which wins over
     * {@code envFile} (may be null); leftovers of an earlier run removed.
     */
    public static ComposeStack prepare(DockerEngine engine, Path repository, List<String> files, Path envFile,
                                       Map<String, String> settings) throws IOException {
        ComposeStack stack = new ComposeStack(engine, repository, files, envFile, settings);
        stack.down("compose-leftovers");
        return stack;
    }

    /**
     * {@code up -d} of the given services (all when none): returns once each is started, those that
     * wait for Keycloak's health check (the proxy) after it passed.
     */
    public Duration up(String... services) {
        List<String> arguments = new ArrayList<>(List.of("up", "-d", "--no-build"));
        arguments.addAll(List.of(services));
        return compose("compose-up", UP_BOUND, arguments.toArray(String[]::new)).took();
    }

    /** A command in the running container of {@code service}; fails unless it exits 0. */
    public String exec(String service, String... command) {
        List<String> arguments = new ArrayList<>(List.of("exec", "-T", service));
        arguments.addAll(List.of(command));
        return compose("compose-exec-" + service, SHORT, arguments.toArray(String[]::new)).output();
    }

    /** Everything the containers printed so far (also kept in the module's target folder). */
    public String logs() {
        Command.Result logs = run("compose-logs", SHORT, "logs", "--no-color");
        return logs.output();
    }

    /** The public URL, {@code KC_HOSTNAME}: Keycloak's port on loopback. */
    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The API proxy ({@code docker/nginx.conf}). */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    /** The management interface (health, metrics), published on loopback by the test's compose file only. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public void close() {
        logs();
        down("compose-down");
    }

    private void down(String logName) {
        Command.Result down = run(logName, SHORT, "down", "--volumes", "--remove-orphans", "--timeout", "30");
        if (down.exitCode() != 0) {
            throw new IllegalStateException("compose down failed:\n" + down.lastLines(20));
        }
    }

    private Command.Result compose(String logName, Duration bound, String... arguments) {
        return command(arguments).runOrFail(bound, engine.logs().resolve(logName + ".log"));
    }

    private Command.Result run(String logName, Duration bound, String... arguments) {
        return command(arguments).run(bound, engine.logs().resolve(logName + ".log"));
    }

    private Command command(String... arguments) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(arguments));
        return new Command(command, env, repository);
    }

    private static String envFileValue(Path envFile, String name) throws IOException {
        if (envFile == null) {
            throw new IllegalStateException(name + " is neither set nor in an env file");
        }
        return Files.readAllLines(envFile).stream().filter(line -> line.startsWith(name + "=")).findFirst()
                .map(line -> line.substring(name.length() + 1))
                .orElseThrow(() -> new IllegalStateException(envFile + " sets no " + name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
