package net.trader4.keycloak.docker.support;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Docker engine of this machine, through the {@code docker} command line. */
public final class DockerEngine {

    public static final String INSTALL = "Install and start one with: apt-get update && apt-get install -y docker.io "
            + "debootstrap unzip docker-compose && (dockerd >/var/log/dockerd.log 2>&1 &) (`.ci/run` does both).";
    private static final Duration SHORT = Duration.ofMinutes(2);

    private final Path logs;

    public DockerEngine(Path logs) {
        this.logs = logs;
    }

    /** Fails at once, saying what to install, when no engine answers. */
    public void requireAnswering() {
        Command.Result info = command(List.of("docker", "info", "--format", "{{.ServerVersion}}")).run(SHORT, logs.resolve("docker-info.log"));
        if (info.exitCode() != 0) {
            throw new IllegalStateException("The Docker tests need a running Docker engine, and none answers `docker info`:\n"
                    + info.lastLines(5) + "\n" + INSTALL);
        }
    }

    public Command.Result docker(String logName, Duration bound, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return command(command).runOrFail(bound, logs.resolve(logName + ".log"));
    }

    /**
     * The IPv4 address of the engine's default bridge on this machine: where {@code host-gateway}
     * points from inside a container.
     */
    public String bridgeAddress() throws SocketException {
        String name = docker("bridge-name", SHORT, "network", "inspect", "bridge", "--format",
                "{{index .Options \"com.docker.network.bridge.name\"}}").output().strip();
        NetworkInterface bridge = NetworkInterface.getByName(name);
        if (bridge == null) {
            throw new IllegalStateException("The engine's default bridge '" + name + "' is not an interface of this machine");
        }
        return bridge.inetAddresses().filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress).findFirst()
                .orElseThrow(() -> new IllegalStateException("The bridge " + name + " has no IPv4 address"));
    }

    /** {@code docker compose} where the plugin is installed, else the standalone {@code docker-compose}. */
    public List<String> composeCommand() {
        Command.Result plugin = command(List.of("docker", "compose", "version")).run(SHORT, logs.resolve("compose-version.log"));
        if (plugin.exitCode() == 0) {
            return List.of("docker", "compose");
        }
        Command.Result standalone = command(List.of("docker-compose", "version")).run(SHORT, logs.resolve("compose-version.log"));
        if (standalone.exitCode() == 0) {
            return List.of("docker-compose");
        }
        throw new IllegalStateException("Neither `docker compose` nor `docker-compose` runs: the Docker tests start "
                + "docker/compose.yaml. Install it with: apt-get install -y docker-compose");
    }

    public Path logs() {
        return logs;
    }

    private static Command command(List<String> arguments) {
        return new Command(arguments, Map.of(), null);
    }
}
