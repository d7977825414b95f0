package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;

/**
 * Two Keycloak 26.7 nodes ({@code --db=postgres --cache=ispn}, {@code start --optimized}) on one
 * PostgreSQL database, clustered by Infinispan over loopback, with the bundle installed, the test
 * realm imported, a real SMTP server (GreenMail) and a Twilio stand-in. Started once per test JVM,
 * stopped when it exits.
 */
public final class KeycloakCluster {

    public static final String REALM = "trader4";
    public static final int SMTP_PORT = 3125;
    public static final int SILENT_SMTP_PORT = 3126;
    public static final int TWILIO_PORT = 18189;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final String SPI = "--spi-trader4-otp-delivery-channel--sms--";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private static KeycloakCluster instance;

    private final List<KeycloakNode> nodes = new ArrayList<>();
    private final MailServer mail;
    private final TwilioStandIn twilio;
    private final AdminApi admin;
    private final PostgresDatabase database;
    private final Figures figures = new Figures();

    /** The running cluster, started on first use; a node that was killed is started again. */
    public static synchronized KeycloakCluster get() {
        if (instance == null) {
            instance = new KeycloakCluster();
        }
        instance.reviveDeadNodes();
        return instance;
    }

    private KeycloakCluster() {
        Path clusterDir = Path.of(required("kc.cluster.dir"));
        nodes.add(new KeycloakNode(1, clusterDir.resolve("node1"), 8181, 9181, 7801));
        nodes.add(new KeycloakNode(2, clusterDir.resolve("node2"), 8182, 9182, 7802));
        requireFreePorts();
        database = PostgresDatabase.freshOnThisMachine();
        mail = new MailServer(SMTP_PORT);
        twilio = new TwilioStandIn(TWILIO_PORT);
        // Registered before anything starts: a start-up that fails or hangs leaves no node behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cluster-stop"));
        long started = System.nanoTime();
        prepareNodes(clusterDir);
        figures.buildSeconds = seconds(started);
        long starting = System.nanoTime();
        try {
            // Node 1 first, alone: two nodes creating the schema of a fresh database at once race
            // on Liquibase's changelog table, and one of them dies. Then the others join it.
            KeycloakNode first = nodes.get(0);
            startNode(first, true);
            first.awaitReady(1, START_TIMEOUT);
            CompletableFuture<?>[] up = nodes.stream().skip(1)
                    .map(node -> CompletableFuture.runAsync(() -> {
                        startNode(node, false);
                        node.awaitReady(nodes.size(), START_TIMEOUT);
                    }))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(up).join();
            first.awaitReady(nodes.size(), START_TIMEOUT);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        figures.startSeconds = seconds(starting);
        admin = new AdminApi(() -> nodes.stream().filter(KeycloakNode::isAlive).findFirst()
                .orElseThrow(() -> new IllegalStateException("No node is up")).baseUrl(), REALM);
        System.out.printf("CLUSTER two nodes up: kc.sh build %.1f s, start of both nodes until ready and clustered %.1f s%n",
                figures.buildSeconds, figures.startSeconds);
    }

    public KeycloakNode node(int index) {
        return nodes.get(index - 1);
    }

    public List<KeycloakNode> nodes() {
        return List.copyOf(nodes);
    }

    public MailServer mail() {
        return mail;
    }

    public TwilioStandIn twilio() {
        return twilio;
    }

    public AdminApi admin() {
        return admin;
    }

    public Figures figures() {
        return figures;
    }

    /** A new user's email address and the code {@code api}'s node mailed to it. */
    public record MailedCode(String email, String code) {
    }

    /** A new user who signed in: its email address and access token. */
    public record SignedIn(String email, String accessToken) {
    }

    /** Creates a user, asks {@code api}'s node to sign it in and reads the code from the mail. */
    public MailedCode newUserWithCode(ApiClient api) {
        String email = admin.newEmailUser();
        int seen = mail.countTo(email);
        ApiClient.Answer signed = api.sign(email);
        if (signed.status() != 200) {
            throw new AssertionError("sign for " + email + " answered " + signed);
        }
        return new MailedCode(email, mail.codeSentTo(email, seen));
    }

    /** {@link #newUserWithCode}, then verify on the same node: a user signed in by OTP, as a phone is. */
    public SignedIn newSignedInUser(ApiClient api) {
        MailedCode mailed = newUserWithCode(api);
        ApiClient.Answer verified = api.verify(mailed.email(), mailed.code());
        if (verified.status() != 200) {
            throw new AssertionError("verify for " + mailed.email() + " answered " + verified);
        }
        return new SignedIn(mailed.email(), verified.body().path("results").path("access_token").asText());
    }

    /** Start-up figures, for the report. */
    public static final class Figures {
        public double buildSeconds;
        public double startSeconds;
        public double restartSeconds;
    }

    private void prepareNodes(Path clusterDir) {
        Path dist = distribution();
        deleteTree(clusterDir);
        Path first = nodes.get(0).home();
        try {
            Files.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Shell.runOrFail(300, List.of("cp", "-a", dist.toString(), first.toString()));
        Path providers = Path.of(required("kc.providers.dir"));
        try (Stream<Path> jars = Files.list(providers)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, first.resolve("providers").resolve(jar.getFileName()));
            }
            Files.createDirectories(first.resolve("data/import"));
            Files.writeString(first.resolve("data/import/trader4-realm.json"),
                    ClusterRealm.json(Path.of(required("trader4.realm.file")), SMTP_PORT));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Shell.runOrFail(600, List.of(first.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--cache=ispn",
                "--health-enabled=true"));
        for (KeycloakNode node : nodes.subList(1, nodes.size())) {
            Shell.runOrFail(300, List.of("cp", "-a", first.toString(), node.home().toString()));
            deleteTree(node.home().resolve("data/import"));
        }
    }

    private void startNode(KeycloakNode node, boolean importRealm) {
        List<String> options = new ArrayList<>(List.of(
                SPI + "account-sid=" + TwilioStandIn.ACCOUNT_SID,
                SPI + "auth-token=" + TwilioStandIn.AUTH_TOKEN,
                SPI + "from-number=" + TwilioStandIn.FROM_NUMBER,
                SPI + "api-base-url=" + TwilioStandIn.baseUrl(TWILIO_PORT),
                SPI + "read-timeout-millis=2000"));
        if (importRealm) {
            options.add("--import-realm");
        }
        node.start(database.jdbcUrl(), options, Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m"));
    }

    /** A node killed by a test comes back, so the order of test classes never matters. */
    private void reviveDeadNodes() {
        for (KeycloakNode node : nodes) {
            if (!node.isAlive()) {
                long started = System.nanoTime();
                startNode(node, false);
                node.awaitReady(nodes.size(), START_TIMEOUT);
                figures.restartSeconds = seconds(started);
                System.out.printf("CLUSTER node %d restarted and rejoined in %.1f s%n", node.index(), figures.restartSeconds);
            }
        }
    }

    private void stop() {
        nodes.forEach(KeycloakNode::stop);
        twilio.close();
        mail.stop();
    }

    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(SMTP_PORT, SILENT_SMTP_PORT, TWILIO_PORT));
        nodes.forEach(n -> ports.addAll(n.ports()));
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use: the cluster tests need "
                        + ports + " free (is an earlier cluster run still alive?)");
            }
        }
    }

    private static Path distribution() {
        Path root = Path.of(required("kc.dist.dir"));
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isExecutable(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution unpacked under " + root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            Shell.runOrFail(120, List.of("rm", "-rf", dir.toString()));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run through `mvn verify`");
        }
        return value;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
