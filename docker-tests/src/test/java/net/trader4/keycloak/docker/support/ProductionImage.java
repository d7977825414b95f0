package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The image of {@code docker/Dockerfile}, built as the Dockerfile says, from this reactor's bundle. */
public final class ProductionImage implements AutoCloseable {

    public static final String TAG = "trader4-keycloak:docker-it";
    private static final Duration BUILD_BOUND = Duration.ofMinutes(15);
    private static final Duration SHORT = Duration.ofMinutes(2);

    private final DockerEngine engine;
    private final Duration buildTime;

    private ProductionImage(DockerEngine engine, Duration buildTime) {
        this.engine = engine;
        this.buildTime = buildTime;
    }

    /** The local bases when missing, then this image; notes how long each took. */
    public static ProductionImage buildOnLocalBases(DockerEngine engine, Timings timings) throws IOException {
        Path repository = DockerTestPaths.repository();
        LocalBaseImages.ensure(repository, DockerTestPaths.keycloakDistribution(), engine.logs()).forEach(timings::note);
        ProductionImage image = build(engine, repository);
        timings.note("production image (docker/Dockerfile) built", image.buildTime());
        return image;
    }

    /** {@code docker build -f docker/Dockerfile -t <tag> .} in the repository root. */
    public static ProductionImage build(DockerEngine engine, Path repository) throws IOException {
        requireBundle(repository.resolve("bundle/target"));
        Command build = new Command(List.of("docker", "build", "-f", "docker/Dockerfile", "-t", TAG, "."),
                Map.of(), repository);
        Command.Result result = build.runOrFail(BUILD_BOUND, engine.logs().resolve("production-image-build.log"));
        return new ProductionImage(engine, result.took());
    }

    public Duration buildTime() {
        return buildTime;
    }

    /** The image's {@code Config}: user, entrypoint, command, environment. */
    public JsonNode config() throws IOException {
        String json = engine.docker("production-image-config", SHORT, "image", "inspect", "--format", "{{json .Config}}", TAG).output();
        return new ObjectMapper().readTree(json);
    }

    /** What {@code ls -A} lists in {@code directory} of the image, or the error it prints when there is no such directory. */
    public Command.Result list(String directory) {
        return new Command(List.of("docker", "run", "--rm", "--network", "none", "--entrypoint", "ls", TAG, "-A", directory),
                Map.of(), null).run(SHORT, engine.logs().resolve("production-image-ls.log"));
    }

    @Override
    public void close() {
        engine.docker("production-image-remove", SHORT, "image", "rm", "--force", TAG);
    }

    private static void requireBundle(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            if (files.noneMatch(file -> file.getFileName().toString().matches("trader4-keycloak-bundle-.*\\.jar"))) {
                throw new IllegalStateException("No bundle in " + target + ": build it first (mvn -B verify builds it before this module).");
            }
        } catch (NoSuchFileException missing) {
            throw new IllegalStateException("No " + target + ": build the bundle first (mvn -B verify builds it before this module).");
        }
    }
}
