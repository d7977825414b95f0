package net.trader4.keycloak.it.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.trader4.keycloak.testsupport.Waits;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The API proxy of {@code docker/nginx.conf}, run by the real nginx: the shipped file with only its
 * upstream and listen address replaced, every header line as operators get it. Without nginx it
 * fails at once and says what to install.
 */
public final class ShippedApiProxy implements AutoCloseable {

    public static final String INSTALL = "Install it with: apt-get update && apt-get install -y nginx";
    static final Path SHIPPED = Path.of("..", "docker", "nginx.conf");
    static final String SHIPPED_LISTEN = "listen 80;";
    static final String SHIPPED_UPSTREAM = "http://keycloak:8080/realms/trader4/";

    private final Process nginx;
    private final Path directory;
    private final int port;

    private ShippedApiProxy(Process nginx, Path directory, int port) {
        this.nginx = nginx;
        this.directory = directory;
        this.port = port;
    }

    /** Starts nginx on a free loopback port in front of the realm at {@code realmUrl}. */
    public static ShippedApiProxy start(String realmUrl) throws IOException {
        File binary = binary();
        int port = freePort();
        Path directory = Files.createTempDirectory("shipped-nginx");
        Files.writeString(directory.resolve("api.conf"), render(Files.readString(SHIPPED), port,
                realmUrl.replace("://localhost:", "://127.0.0.1:") + "/"));
        Files.writeString(directory.resolve("nginx.conf"), String.join("\n",
                "worker_processes 1;",
                "pid " + directory.resolve("nginx.pid") + ";",
                "error_log " + directory.resolve("error.log") + ";",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + directory.resolve("access.log") + ";",
                "  client_body_temp_path " + directory.resolve("body") + ";",
                "  proxy_temp_path " + directory.resolve("proxy") + ";",
                "  fastcgi_temp_path " + directory.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + directory.resolve("uwsgi") + ";",
                "  scgi_temp_path " + directory.resolve("scgi") + ";",
                "  include " + directory.resolve("api.conf") + ";",
                "}", ""));
        Process process = new ProcessBuilder(binary.getPath(), "-p", directory.toString(), "-c",
                directory.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        ShippedApiProxy proxy = new ShippedApiProxy(process, directory, port);
        proxy.awaitListening();
        return proxy;
    }

    /** The shipped server block with only the listen address and the upstream replaced. */
    static String render(String shipped, int port, String upstream) {
        return replaceOnce(replaceOnce(shipped, SHIPPED_LISTEN, "listen 127.0.0.1:" + port + ";"), SHIPPED_UPSTREAM, upstream);
    }

    /** {@code http://127.0.0.1:<port>}, the proxy's own API host. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        new FluentWait<>(this).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> "nginx did not listen on " + port + ": " + log())
                .until(proxy -> {
                    if (!nginx.isAlive()) {
                        throw new IllegalStateException("nginx stopped: " + log());
                    }
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            try {
                text.append(Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (NoSuchFileException notWrittenYet) {
                // nginx creates it when it first has something to say: nothing to show
            } catch (IOException e) {
                // This text explains another failure: it names its own rather than replacing that one.
                text.append("[").append(name).append(" unreadable: ").append(e).append("]");
            }
        }
        return text.toString();
    }

    private static File binary() {
        for (String path : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        throw new IllegalStateException("nginx not found: the shipped proxy configuration is tested with the real nginx. " + INSTALL);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String replaceOnce(String text, String shipped, String replacement) {
        int at = text.indexOf(shipped);
        if (at < 0 || text.indexOf(shipped, at + 1) >= 0) {
            throw new IllegalStateException("docker/nginx.conf no longer has exactly one '" + shipped
                    + "': update ShippedApiProxy along with it");
        }
        return text.substring(0, at) + replacement + text.substring(at + shipped.length());
    }
}
