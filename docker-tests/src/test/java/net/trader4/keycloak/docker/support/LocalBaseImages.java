package net.trader4.keycloak.docker.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The images compose.yaml and the Dockerfile start FROM, made by {@code docker/local-base/build.sh}
 * from Debian packages and the Keycloak distribution: no registry needed. The script keeps every
 * image the engine already has, so only a new machine pays for debootstrap.
 */
public final class LocalBaseImages {

    public static final String POSTGRES = "trader4-local/postgres:15";
    public static final String NGINX = "trader4-local/nginx:bookworm";
    // debootstrap on a loaded 2-core machine took 7 minutes; the slowest mirror gets room.
    private static final Duration BOUND = Duration.ofMinutes(30);

    private LocalBaseImages() {
    }

    /** What compose.yaml runs for PostgreSQL and the proxy, and the given Keycloak image. */
    public static Map<String, String> composeImages(String keycloakImage) {
        return Map.of("KEYCLOAK_IMAGE", keycloakImage, "POSTGRES_IMAGE", POSTGRES, "NGINX_IMAGE", NGINX);
    }

    /** Builds the missing ones; returns what the script printed, one line per image built with its time. */
    public static List<String> ensure(Path repository, Path keycloakDistribution, Path logs) {
        Command build = new Command(List.of("bash", repository.resolve("docker/local-base/build.sh").toString()),
                Map.of("KEYCLOAK_DIST_ZIP", keycloakDistribution.toString()), repository);
        return build.runOrFail(BOUND, logs.resolve("local-base.log")).output().lines()
                .filter(line -> line.startsWith("[local-base]")).toList();
    }
}
