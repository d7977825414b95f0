package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The harshest load balancer in front of the cluster: no stickiness at all, every request goes to
 * the next node in turn. The {@code Host} header is passed on unchanged, so Keycloak builds its
 * URLs for the balancer's address. Needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}
 * (set for failsafe in the pom).
 */
public final class RoundRobinBalancer implements AutoCloseable {

    /** One forwarded request: which node answered it, and what it was. */
    public record Forwarded(int node, String method, String path, int status) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-connection", "content-length", "expect");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final List<KeycloakNode> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Forwarded> log = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RoundRobinBalancer(int port, List<KeycloakNode> nodes) {
        if (!"host".equalsIgnoreCase(System.getProperty("jdk.httpclient.allowRestrictedHeaders", ""))) {
            throw new IllegalStateException("Run with -Djdk.httpclient.allowRestrictedHeaders=host (cluster-tests/pom.xml sets it).");
        }
        this.nodes = List.copyOf(nodes);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("The balancer could not listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::forward);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request forwarded so far, in order. */
    public List<Forwarded> forwarded() {
        return List.copyOf(log);
    }

    private void forward(HttpExchange exchange) throws IOException {
        KeycloakNode node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        try {
            relay(exchange, node);
        } catch (RuntimeException | IOException e) {
            log.add(new Forwarded(node.index(), exchange.getRequestMethod(), exchange.getRequestURI().getPath() + " failed: " + e, 0));
            throw e;
        }
    }

    private void relay(HttpExchange exchange, KeycloakNode node) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI target = URI.create(node.baseUrl() + exchange.getRequestURI().toString());
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            boolean noBody = out.length == 0 || exchange.getRequestMethod().equals("HEAD")
                    || answer.statusCode() == 204 || answer.statusCode() == 304;
            exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
            log.add(new Forwarded(node.index(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(), answer.statusCode()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
