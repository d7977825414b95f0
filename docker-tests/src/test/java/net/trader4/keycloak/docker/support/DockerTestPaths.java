package net.trader4.keycloak.docker.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository, the Keycloak distribution and this run's logs are (set by the module's pom). */
public final class DockerTestPaths {

    private DockerTestPaths() {
    }

    public static Path repository() {
        return Path.of(property("trader4.repo.dir")).toAbsolutePath().normalize();
    }

    public static Path logs() {
        return Path.of(property("trader4.work.dir")).toAbsolutePath().normalize();
    }

    /** The test's additions to docker/compose.yaml: the management port on loopback, host.docker.internal. */
    public static String testComposeFile() {
        return Path.of("src/test/resources/compose.test.yaml").toAbsolutePath().toString();
    }

    public static Path keycloakDistribution() {
        Path zip = Path.of(property("trader4.keycloak.dist.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Keycloak distribution at " + zip + ": run the tests through Maven "
                    + "(mvn -B verify), which copies it there.");
        }
        return zip;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven (mvn -B verify).");
        }
        return value;
    }
}
