package net.trader4.keycloak.cluster.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Debian PostgreSQL the cluster shares: started with {@code pg_ctlcluster} when it is down,
 * with a fresh database and role for every run.
 */
public final class PostgresDatabase {

    public static final String NAME = "trader4_cluster";
    public static final String USER = "trader4_cluster";
    public static final String PASSWORD = "trader4_cluster";

    private final int port;

    private PostgresDatabase(int port) {
        this.port = port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
    }

    /** Starts the local PostgreSQL cluster if needed and recreates the test database. */
    public static PostgresDatabase freshOnThisMachine() {
        if (!Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) || !Files.isExecutable(Path.of("/usr/bin/psql"))) {
            throw new IllegalStateException("PostgreSQL is missing: the cluster tests need it. Install it with "
                    + "`apt-get install postgresql` (Debian), then run `mvn -B verify` again.");
        }
        String[] cluster = firstCluster();
        String version = cluster[0];
        String name = cluster[1];
        int port = Integer.parseInt(cluster[2]);
        if (!"online".equals(cluster[3])) {
            Shell.runOrFail(60, List.of("pg_ctlcluster", version, name, "start"));
        }
        psql(port, "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        psql(port, "DROP ROLE IF EXISTS " + USER);
        psql(port, "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        psql(port, "CREATE DATABASE " + NAME + " OWNER " + USER);
        return new PostgresDatabase(port);
    }

    /** version, name, port, status of the first cluster {@code pg_lsclusters} lists. */
    private static String[] firstCluster() {
        String listing = Shell.runOrFail(30, List.of("pg_lsclusters", "--no-header")).strip();
        if (listing.isEmpty()) {
            throw new IllegalStateException("PostgreSQL is installed but has no cluster: create one with "
                    + "`pg_createcluster 15 main` (or reinstall the `postgresql` package).");
        }
        String[] columns = listing.lines().findFirst().orElseThrow().trim().split("\\s+");
        return new String[] {columns[0], columns[1], columns[2], columns[3]};
    }

    private static void psql(int port, String sql) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("psql", "-p", String.valueOf(port), "-v", "ON_ERROR_STOP=1", "-q", "-c", sql));
        Shell.runOrFail(60, command);
    }
}
