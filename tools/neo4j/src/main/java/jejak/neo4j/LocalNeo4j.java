package jejak.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A local Neo4j for development and CI: the embedded engine with its Bolt connector on
 * 127.0.0.1, auth on, the password taken from NEO4J_PASSWORD. Prints one "ready" line with the
 * Bolt URI and stops cleanly on SIGTERM/SIGINT. Configuration is environment variables only
 * (see tools/neo4j/README.md); each bad value is reported in one line, exit code 2.
 */
public final class LocalNeo4j {
    private static final String SYSTEM = "system";

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage());
            return;
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(settings.home())
                    .loadPropertiesFromFile(writeConfig(settings))
                    .build();
        } catch (RuntimeException e) {
            fail(1, startFailure(e, settings));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // The JVM runs this on SIGTERM/SIGINT: close the store so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j: stopping");
            dbms.shutdown();
            System.out.println("neo4j: stopped");
            stopped.countDown();
        }, "neo4j-shutdown"));

        String version;
        try {
            GraphDatabaseService system = dbms.database(SYSTEM);
            setPassword(system, settings.password());
            version = serverVersion(system);
        } catch (RuntimeException e) {
            System.err.println("neo4j: could not set the password of user neo4j: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.printf("neo4j: ready at bolt://%s:%d (Neo4j %s, data in %s)%n",
                settings.host(), settings.port(), version, settings.home());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The password is NEO4J_PASSWORD at every start, so a changed variable takes effect. Neo4j
     * refuses to set the password a user already has, so it goes through a random one first;
     * both statements run before the "ready" line, when no client is expected yet.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        String alter = "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED";
        system.executeTransactionally(alter, Map.of("password", UUID.randomUUID().toString()));
        system.executeTransactionally(alter, Map.of("password", password));
    }

    private static String serverVersion(GraphDatabaseService system) {
        return system.executeTransactionally(
                "CALL dbms.components() YIELD name, versions RETURN versions[0] AS version",
                Map.of(),
                result -> result.hasNext() ? String.valueOf(result.next().get("version")) : "unknown");
    }

    /**
     * The settings go through a generated neo4j.conf so that Neo4j's own parsers read the values
     * (sizes like 512m, durations like 60s) the same way a server's neo4j.conf would.
     */
    private static Path writeConfig(Settings settings) {
        StringBuilder conf = new StringBuilder("# Written by tools/neo4j at every start; edit the environment instead.\n");
        settings.neo4jConfig().forEach((key, value) -> conf.append(key).append('=').append(value).append('\n'));
        try {
            Path file = settings.home().resolve("conf").resolve("neo4j.conf");
            Files.createDirectories(file.getParent());
            Files.writeString(file, conf.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration under " + settings.home(), e);
        }
    }

    private static String startFailure(Throwable e, Settings settings) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return String.format(
                        "port %d on %s is in use (another Neo4j?): set NEO4J_BOLT_PORT to a free port",
                        settings.port(), settings.host());
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("lock") && m.contains("store")) {
                return "the data folder " + settings.home()
                        + " is in use by another Neo4j: stop it or set JEJAK_DATA_DIR to another folder";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return "could not start: " + root;
    }

    private static void fail(int status, String message) {
        System.err.println("neo4j: " + message);
        System.exit(status);
    }

    /** Environment → validated settings. Values are checked here so a typo fails in one line. */
    record Settings(Path home, String host, int port, String password, Map<String, String> neo4jConfig) {
        static final String DEFAULT_PASSWORD = "jejak-dev";

        static Settings fromEnvironment(Map<String, String> env) {
            String host = env.getOrDefault("NEO4J_BOLT_HOST", "127.0.0.1");
            int port = port(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
            String password = env.getOrDefault("NEO4J_PASSWORD", DEFAULT_PASSWORD);
            if (password.length() < 8) {
                throw new IllegalArgumentException(
                        "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)");
            }
            Path dataDir = Path.of(env.getOrDefault("JEJAK_DATA_DIR", "data")).toAbsolutePath().normalize();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("server.bolt.enabled", "true");
            config.put("server.bolt.listen_address", host + ":" + port);
            config.put("dbms.security.auth_enabled", "true");
            config.put("db.memory.transaction.max", memory("NEO4J_TX_MEMORY_MAX", env, "512m"));
            config.put("db.transaction.timeout", duration("NEO4J_TX_TIMEOUT", env, "60s"));
            config.put("server.memory.pagecache.size", memory("NEO4J_PAGECACHE", env, "256m"));
            return new Settings(dataDir.resolve("neo4j"), host, port, password, config);
        }

        private static int port(String raw) {
            try {
                int port = Integer.parseInt(raw.trim());
                if (port > 0 && port < 65536) return port;
            } catch (NumberFormatException ignored) {
                // reported below with the variable's name
            }
            throw new IllegalArgumentException("NEO4J_BOLT_PORT must be a port number (1-65535), got '" + raw + "'");
        }

        private static String memory(String name, Map<String, String> env, String fallback) {
            String raw = env.getOrDefault(name, fallback).trim();
            if (!raw.matches("(?i)\\d+[kmg]?")) {
                throw new IllegalArgumentException(name + " must be a size such as 512m or 2g, got '" + raw + "'");
            }
            return raw;
        }

        private static String duration(String name, Map<String, String> env, String fallback) {
            String raw = env.getOrDefault(name, fallback).trim();
            if (!raw.matches("\\d+(ms|s|m|h)")) {
                throw new IllegalArgumentException(
                        name + " must be a duration such as 30s, 500ms or 2m (0s: no timeout), got '" + raw + "'");
            }
            return raw;
        }
    }
}
