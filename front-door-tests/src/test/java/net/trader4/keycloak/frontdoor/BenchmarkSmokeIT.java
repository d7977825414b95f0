package net.trader4.keycloak.frontdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code bench/run.sh} in its smoke mode: every phase of the benchmark for a second or two, so a
 * change that breaks the harness (the realm it copies, a phase, the report) cannot land unnoticed.
 * It claims no figures; {@code bench/run.sh} itself fails when a phase gets no 2xx answers.
 */
class BenchmarkSmokeIT {

    private final Path repo = Path.of(System.getProperty("trader4.repo.dir")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("trader4.work.dir")).toAbsolutePath();

    @Test
    void everyPhaseOfTheBenchmarkRunsAndReportsItsRatios() throws Exception {
        try (ScriptRun bench = ScriptRun.start(repo, work.resolve("bench-smoke/run.log"), Map.of(),
                "bench/run.sh", "--smoke", "--out", work.resolve("bench-smoke/report").toString())) {
            assertEquals(0, bench.awaitExit(Duration.ofMinutes(20)), "bench/run.sh --smoke failed:\n" + bench.tail());
            assertTrue(bench.printed("SMOKE OK"), bench.tail());
            for (String ratio : new String[]{"sign_email/client_credentials:", "verify/client_credentials:",
                    "verify/password:", "verify/password_cheap_cold:", "qr_create/client_credentials:", "qr_check/client_credentials:",
                    "qr_authorize/client_credentials:", "browser_otp/browser_password:",
                    "browser_otp/browser_password_default:"}) {
                assertTrue(bench.printed(ratio), "the ratio line " + ratio + " is printed:\n" + bench.tail());
            }
        }
    }

    @Test
    void onlyTheNamedPhasesRunBesideClientCredentials() throws Exception {
        try (ScriptRun bench = ScriptRun.start(repo, work.resolve("bench-only/run.log"), Map.of(),
                "bench/run.sh", "--smoke", "--only", "verify", "--memory-challenges", "0",
                "--out", work.resolve("bench-only/report").toString())) {
            assertEquals(0, bench.awaitExit(Duration.ofMinutes(20)), "bench/run.sh --smoke --only verify failed:\n" + bench.tail());
            assertTrue(bench.printed("SMOKE OK: 2 phases answered 2xx"), bench.tail());
            assertTrue(bench.printed("verify/client_credentials:"), bench.tail());
            assertFalse(bench.printed("sign_log/client_credentials:"), "a phase left out is not run:\n" + bench.tail());
        }
    }
}
