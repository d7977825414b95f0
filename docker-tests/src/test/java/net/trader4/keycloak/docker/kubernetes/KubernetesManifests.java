package net.trader4.keycloak.docker.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The YAML files of {@code kubernetes/}, each document as a tree, as kubectl would read them. */
final class KubernetesManifests {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path folder;
    private final List<JsonNode> resources;

    private KubernetesManifests(Path folder, List<JsonNode> resources) {
        this.folder = folder;
        this.resources = resources;
    }

    static KubernetesManifests in(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> resources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll());
            }
            return new KubernetesManifests(folder, resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every file, the Helm values included. */
    List<JsonNode> documents() {
        return resources;
    }

    /** The one resource of this kind; fails if there is none or more than one. */
    JsonNode single(String kind) {
        List<JsonNode> found = resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + " in " + folder + ", found " + found.size());
        }
        return found.get(0);
    }

    JsonNode named(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " in " + folder));
    }

    /** A file that is not a Kubernetes resource (Helm values), read whole. */
    JsonNode file(String name) {
        try {
            return YAML.readTree(folder.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
