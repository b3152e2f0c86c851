package org.fusescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./fusescope} script with its output going to files (not a terminal), in
 * a copy of the script in an empty checkout whose {@code mvn} is a stand-in (a real build of the
 * project takes minutes): the build prints one line when it starts and one when it is done, or
 * the last lines of Maven's log and the command to retry; never an escape sequence, whatever Maven
 * writes. The stand-in build "produces" a jar that runs this module's classes, so the script's java
 * command (JavaFX on the module path, {@code -jar}) runs for real.
 */
class LauncherScriptTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    private Path repo;
    private Path bin;

    @BeforeEach
    void checkout() throws IOException {
        repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("app/src/main/java"));
        Files.writeString(repo.resolve("app/src/main/java/Hello.java"), "class Hello {}\n");
        Files.copy(Path.of(System.getProperty("user.dir"), "..", "fusescope"), repo.resolve("fusescope"));
        // what the build leaves: a jar whose manifest names this test's class path, and JavaFX's jars in lib/
        Path staged = Files.createDirectories(dir.resolve("staged/lib"));
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            urls.add(p.toUri().toString());
            String name = p.getFileName().toString();
            if (name.matches("javafx-[a-z]+-[0-9][0-9.]*-[a-z].*\\.jar")) {
                Files.copy(p, staged.resolve(name));
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(dir.resolve("staged/fusescope-app.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            // the manifest is all
        }
        bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn,
                String.join(
                        "\n",
                        "#!/usr/bin/env bash",
                        "# stand-in for Maven: coloured output as jansi writes it, then the build's outputs or a failure",
                        "printf '\\033[1m[INFO]\\033[0m Scanning for projects...\\n'",
                        "echo \"args: $*\"",
                        "echo \"MAVEN_OPTS: $MAVEN_OPTS\"",
                        "for i in $(seq 40); do echo \"[INFO] line $i\"; done",
                        "if [[ -n ${FAKE_MVN_FAIL:-} ]]; then",
                        "  printf '\\033[1;31m[ERROR]\\033[0m Hello.java:[1,14] COMPILATION ERROR: reached end of file\\n'",
                        "  printf '\\033[0m\\033[0m'",
                        "  exit 1",
                        "fi",
                        "mkdir -p app/target/lib",
                        "cp \"$FAKE_STAGED\"/fusescope-app.jar app/target/",
                        "cp \"$FAKE_STAGED\"/lib/* app/target/lib/",
                        "printf '\\033[0m\\033[0m'",
                        ""));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Ended(int status, String out, String err) {}

    private Ended fusescope(Map<String, String> env, String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of("bash", repo.resolve("fusescope").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("FAKE_STAGED", dir.resolve("staged").toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("MAVEN_OPTS"); // the surrounding build's, which a user's shell does not have
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("fusescope ends").isTrue();
        return new Ended(
                p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void theBuildIsOneLineAtTheStartAndOneAtTheEndThenTheCommandRuns() throws Exception {
        Ended first = fusescope(Map.of(), "--version");
        Path log = repo.resolve("app/target/fusescope-build.log");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err().lines().toList()).as("stderr").hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0))
                    .isEqualTo("fusescope: building the application (first use or sources changed; about a minute);"
                            + " log: " + log);
            assertThat(lines.get(1)).matches("fusescope: built in [0-9]+ s");
        });
        assertThat(first.out().lines().findFirst())
                .hasValueSatisfying(l -> assertThat(l).startsWith("FuseScope "));
        assertThat(first.out() + first.err()).doesNotContain(ESC);
        String build = Files.readString(log);
        assertThat(build).contains("-B -Dstyle.color=never").contains("MAVEN_OPTS:  -Djansi.noreset=true");

        // built: no build line, only the command's own output
        Ended second = fusescope(Map.of(), "--version");
        assertThat(second.status()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aFailedBuildShowsTheEndOfItsLogAndHowToRetryWithoutEscapes() throws Exception {
        Ended end = fusescope(Map.of("FAKE_MVN_FAIL", "1"), "--version");
        assertThat(end.status()).isEqualTo(1);
        assertThat(end.out()).isEmpty();
        assertThat(end.err()).doesNotContain(ESC);
        List<String> lines = end.err().lines().toList();
        assertThat(lines.get(0)).startsWith("fusescope: building the application");
        assertThat(lines.get(1))
                .isEqualTo("fusescope: the build failed (exit status 1); the last lines of "
                        + repo.resolve("app/target/fusescope-build.log") + ":");
        assertThat(lines).contains("    [ERROR] Hello.java:[1,14] COMPILATION ERROR: reached end of file");
        assertThat(lines.subList(2, lines.size() - 1))
                .hasSizeLessThanOrEqualTo(25)
                .allMatch(l -> l.startsWith("    "));
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("fusescope: fix the problem above, then run ./fusescope again, or build by hand: cd " + repo
                        + " && mvn -B -Dstyle.color=never -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true"
                        + " package -pl app -am");
        assertThat(repo.resolve("app/target/fusescope-app.jar")).doesNotExist();
    }

    @Test
    void withoutADisplayTheScriptPrintsTheOneLine() throws Exception {
        Files.createDirectories(repo.resolve("app/target/lib"));
        try (var staged = Files.list(dir.resolve("staged/lib"))) {
            for (Path jar : staged.toList()) {
                Files.copy(jar, repo.resolve("app/target/lib").resolve(jar.getFileName()));
            }
        }
        Files.copy(
                dir.resolve("staged/fusescope-app.jar"),
                repo.resolve("app/target/fusescope-app.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Ended end = fusescope(Map.of());
        assertThat(end.status()).isEqualTo(1);
        assertThat(end.out()).isEmpty();
        assertThat(end.err().lines().toList())
                .containsExactly(String.format(Launcher.NO_DESKTOP, "DISPLAY and WAYLAND_DISPLAY are not set"));
    }
}
