package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fusescope.app.Golden;
import org.fusescope.app.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application started as {@code ./fusescope} and the installed images start it: a child JVM
 * with JavaFX on the module path, the other jars on the class path and the manifest's Add-Exports
 * (app/pom.xml, {@code fusescope.javafx.exports}). Without a display the workbench prints one line
 * and exits 1; with one (Xvfb) it starts with nothing on stderr, in particular no "Unsupported
 * JavaFX configuration" warning; headless rendering (Monocle) works from the module path too.
 */
class StartupTest {
    @TempDir
    Path dir;

    /** java --module-path JAVAFX --add-modules javafx.controls --add-exports … -cp REST Launcher ARGS. */
    static List<String> modulePathCommand(Path config, List<String> args) {
        List<String> fx = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("slf4j-api-")) {
                // comes with a test-scope dependency, not in the application's lib/: without a
                // provider it writes three warning lines the application never writes
                continue;
            }
            // javafx-NAME-VERSION-PLATFORM.jar; javafx-NAME-VERSION.jar is empty and stays out
            (name.matches("javafx-[a-z]+-[0-9][0-9.]*-[a-z].*\\.jar") ? fx : rest).add(entry);
        }
        assertThat(fx).as("JavaFX's platform jars on the test class path").hasSizeGreaterThanOrEqualTo(3);
        String exports = System.getProperty("fusescope.javafx.exports");
        assertThat(exports)
                .as("fusescope.javafx.exports (app/pom.xml, surefire)")
                .isNotBlank();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                String.join(File.pathSeparator, fx),
                "--add-modules",
                "javafx.controls"));
        for (String export : exports.trim().split("\\s+")) {
            cmd.add("--add-exports=" + export + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of(
                "-cp", String.join(File.pathSeparator, rest), "-Dfusescope.config.dir=" + config, "-Dprism.order=sw"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    record Ended(int status, String out, String err) {}

    private Ended run(List<String> args, Map<String, String> env, long seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(modulePathCommand(dir.resolve("config"), args));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        return new Ended(ended ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Test
    void withoutADisplayTheWorkbenchPrintsOneLineAndExits1() throws Exception {
        Ended end = run(List.of(), Map.of(), 60);
        assertThat(end.status()).as(end.err()).isEqualTo(1);
        assertThat(end.out()).isEmpty();
        assertThat(end.err().lines().toList())
                .as("one line, no stack trace, no JavaFX warning")
                .containsExactly(String.format(Launcher.NO_DESKTOP, "DISPLAY and WAYLAND_DISPLAY are not set"));
        assertThat(end.err()).contains("fusescope --help").contains("desktop session");
    }

    @Test
    void aRecordingToOpenWithoutADisplayGetsTheSameLine() throws Exception {
        Ended end = run(List.of(Golden.file().toAbsolutePath().toString()), Map.of(), 60);
        assertThat(end.status()).isEqualTo(1);
        assertThat(end.err().lines().toList()).hasSize(1).allMatch(l -> l.startsWith("fusescope: the workbench needs"));
    }

    @Test
    void aDisplayWithNoServerBehindItIsOneLineAndDebugAddsTheStackTrace() throws Exception {
        Ended end = run(List.of(), Map.of("DISPLAY", ":4242"), 60);
        assertThat(end.status()).as(end.err()).isEqualTo(1);
        assertThat(end.err().lines().filter(l -> l.startsWith("fusescope: ")).toList())
                .as(end.err())
                .hasSize(1)
                .allMatch(l -> l.startsWith("fusescope: the workbench needs a desktop session ("));
        assertThat(end.err()).doesNotContain("\tat ").doesNotContain("Exception");

        Ended debug = run(List.of("--debug"), Map.of(), 60);
        assertThat(debug.status()).isEqualTo(1);
        assertThat(debug.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("fusescope: the workbench needs a desktop session ("));
        assertThat(debug.err()).as("--debug: the stack trace").contains("\tat ");
    }

    @Test
    void headlessRenderingWorksWithJavaFxOnTheModulePath() throws Exception {
        Path png = dir.resolve("headless.png");
        Ended end = run(
                List.of(
                        "--screenshot",
                        png.toString(),
                        Golden.file().toAbsolutePath().toString()),
                Map.of(),
                180);
        assertThat(end.status()).as(end.err()).isZero();
        assertThat(end.err()).as("stderr").isEmpty();
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void theWorkbenchUnderXvfbStartsWithNothingOnStderr() throws Exception {
        assumeTrue(onPath("Xvfb"), "Xvfb is not on the PATH (apt-get install xvfb libgtk-3-0 to run this test)");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(dir.resolve("xvfb.log").toFile())
                .start();
        try {
            String display;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))) {
                display = r.readLine();
            }
            assertThat(display).as("Xvfb display number").isNotBlank();
            Map<String, String> env = Map.of("DISPLAY", ":" + display.trim());
            // the screenshot starts the workbench the same way, then exits once everything is drawn
            Path png = dir.resolve("window.png");
            Ended shot = run(List.of("--screenshot", png.toString()), env, 180);
            assertThat(shot.status()).as(shot.err()).isZero();
            assertThat(shot.err()).as("stderr of the screenshot run").isEmpty();
            assertThat(png).isNotEmptyFile();
            // the plain workbench: still running after 15 s, nothing on stderr
            Ended plain = run(List.of(Golden.file().toAbsolutePath().toString()), env, 15);
            assertThat(plain.status()).as("still running: " + plain.err()).isEqualTo(-1);
            assertThat(plain.err()).as("stderr of the workbench").isEmpty();
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
