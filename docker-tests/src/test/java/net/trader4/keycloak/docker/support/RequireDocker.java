package net.trader4.keycloak.docker.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Docker tests run in a real Docker engine, never skipped: without one they fail at once and
 * say what to install.
 */
public class RequireDocker implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        new DockerEngine(DockerTestPaths.logs()).requireAnswering();
    }
}
