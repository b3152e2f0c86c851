package org.fusescope.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fusescope.kernels.cuda.GpuTestRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/device/gpu-suite.sh without a GPU: it parses, requires a GPU with the switch's exact names,
 * remembers failed phases, and turns the JUnit console launcher's summary into its last line and its
 * exit status (functions run by sourcing the script, which then does not run its main).
 */
class GpuSuiteScriptTest {
    private static final Path SCRIPT = script();

    @TempDir
    Path dir;

    /** What bash printed and its exit status. */
    private record Run(int exit, String out) {}

    @Test
    void parses() throws Exception {
        assertThat(bash("bash -n \"$1\"").exit()).isZero();
    }

    @Test
    void requiresAGpuWithTheSwitchsNames() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        assertThat(script)
                .contains("export " + GpuTestRule.REQUIRE_ENV + "=1")
                .contains("\"$java\" -D" + GpuTestRule.REQUIRE_PROPERTY + "=true \\\n")
                .contains("org.junit.platform.console.ConsoleLauncher");
    }

    @Test
    void allPassedIsZeroWithTheCounts() throws Exception {
        Run r = summary(box(0, 149, 0, 2, 0));
        assertThat(r.out()).isEqualTo("gpu-suite: 149 tests successful, 0 failed, 2 aborted, 0 skipped\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theBoxesOfSeveralTestJvmsAreSummed() throws Exception {
        Run r = summary(box(0, 149, 0, 2, 0) + box(0, 20, 1, 0, 3) + box(0, 7, 0, 1, 0));
        assertThat(r.out()).isEqualTo("gpu-suite: 176 tests successful, 1 failed, 3 aborted, 3 skipped\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aFailedTestIsOne() throws Exception {
        Run r = summary(box(0, 140, 3, 0, 1));
        assertThat(r.out()).isEqualTo("gpu-suite: 140 tests successful, 3 failed, 0 aborted, 1 skipped\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aFailedContainerIsOneAndSaysSo() throws Exception {
        Run r = summary(box(2, 40, 0, 0, 0));
        assertThat(r.out())
                .isEqualTo("gpu-suite: 40 tests successful, 0 failed, 0 aborted, 0 skipped, 2 containers failed\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void noSummaryIsOne() throws Exception {
        Run r = summary("Exception in thread \"main\" java.lang.OutOfMemoryError\n");
        assertThat(r.out()).startsWith("gpu-suite: no JUnit summary in ");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aPhaseThatFailsIsRememberedAndTheNextStillRuns() throws Exception {
        Path log = dir.resolve("phases.txt");
        Run r = bash(
                "source \"$1\"; phase one 5 \"$2\" false; phase two 5 \"$2\" true;"
                        + " echo \"failed: ${failed_phases[*]}\"",
                log.toString());
        assertThat(r.out()).endsWith("== two: exit 0\nfailed: one\n").contains("== one: exit 1\n");
    }

    /** The launcher's summary box (as printed with --details=verbose), after some test output. */
    private static String box(int containersFailed, int successful, int failed, int aborted, int skipped) {
        String[] lines = {
            "Test run finished after 81234 ms",
            "[        12 containers found      ]",
            "[         0 containers skipped    ]",
            "[        12 containers started    ]",
            "[         0 containers aborted    ]",
            String.format("[%10d containers successful ]", 12 - containersFailed),
            String.format("[%10d containers failed     ]", containersFailed),
            String.format("[%10d tests found           ]", successful + failed + aborted + skipped),
            String.format("[%10d tests skipped         ]", skipped),
            String.format("[%10d tests started         ]", successful + failed + aborted),
            String.format("[%10d tests aborted         ]", aborted),
            String.format("[%10d tests successful      ]", successful),
            String.format("[%10d tests failed          ]", failed),
        };
        return "│  └─ someTest() ✔\n\n" + String.join("\n", lines) + "\n";
    }

    /** The script from the module folder (Maven) or the repository root (the GPU host's launcher). */
    private static Path script() {
        Path here = Path.of("").toAbsolutePath();
        for (Path root : List.of(here, here.getParent())) {
            Path candidate = root.resolve("scripts/device/gpu-suite.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/device/gpu-suite.sh is in neither " + here + " nor its parent");
    }

    private Run summary(String launcherOutput) throws Exception {
        Path file = dir.resolve("gpu-tests.txt");
        Files.writeString(file, launcherOutput, StandardCharsets.UTF_8);
        return bash("source \"$1\"; summary \"$2\"", file.toString());
    }

    /**
     * Runs {@code bash -c command} with the script as $1 and {@code args} as $2...; stdout and stderr
     * together. ($0 is not the script, so a sourced script sees it is sourced and skips its main.)
     */
    private static Run bash(String command, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", command, "gpu-suite-test", SCRIPT.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
        return new Run(p.exitValue(), out);
    }
}
