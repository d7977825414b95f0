package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every Docker test the one production image of this run: built (with the local bases it
 * needs) by the first test class that asks, removed when the whole run is over.
 */
public class SharedProductionImage implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedProductionImage.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProductionImage.class;
    }

    @Override
    public ProductionImage resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store closes what it holds (AutoCloseable) once the run is over.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ProductionImage.TAG, tag -> build(), ProductionImage.class);
    }

    private static ProductionImage build() {
        DockerEngine engine = new DockerEngine(DockerTestPaths.logs().resolve("image"));
        try {
            return ProductionImage.buildOnLocalBases(engine, new Timings(engine.logs().resolve("timings.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
