package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.fusescope.kernels.cuda.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusescope ncu}: finding ncu, and the one-line errors when it or the run cannot go on. */
class NcuCommandTest {
    @TempDir
    Path dir;

    private Path executable(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    @Test
    void ncuIsFoundOnPathBeforeTheInstallFolders() throws Exception {
        Path onPath = executable(dir.resolve("bin/ncu"));
        Path installed = executable(dir.resolve("opt/nsight-compute/2025.3.1/ncu"));
        Path notExecutable = dir.resolve("empty/ncu");
        Files.createDirectories(notExecutable.getParent());
        Files.writeString(notExecutable, "");
        String path = notExecutable.getParent() + java.io.File.pathSeparator + onPath.getParent();
        assertThat(NcuLocator.find(path, List.of(dir.resolve("opt/nsight-compute"))))
                .contains(onPath);
        assertThat(NcuLocator.find(notExecutable.getParent().toString(), List.of(dir.resolve("opt/nsight-compute"))))
                .contains(installed);
        assertThat(NcuLocator.find("", List.of(dir.resolve("nowhere")))).isEmpty();
    }

    @Test
    void anNcuThatIsNotExecutableIsOneLine() {
        Path out = dir.resolve("m16.sqlite");
        Cli.Result r = Cli.run(
                "ncu", "--ncu", dir.resolve("no-ncu").toString(), "--out", out.toString(), "--", "--preset", "tiny");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("fusescope: ").contains("not an executable ncu");
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void runOptionsMayNotChooseTheOutputOrTheTracing() {
        Cli.Result r = Cli.run(
                "ncu", "--ncu", "/bin/true", "--out", dir.resolve("x.sqlite").toString(), "--", "--trace", "full");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("give --out to ncu");
    }

    @Test
    void runOptionsMayNotChooseTheStepTimingEitherSpelling() {
        for (String timing : List.of("--step-timing", "--step-timing=gated")) {
            Cli.Result r = Cli.run(
                    "ncu",
                    "--ncu",
                    "/bin/true",
                    "--out",
                    dir.resolve("x.sqlite").toString(),
                    "--",
                    timing,
                    "gated");
            assertThat(r.exitCode()).as(timing).isEqualTo(1);
            assertThat(r.err()).contains("--step-timing are chosen by ncu");
        }
    }

    @Test
    void theChildUnderNcuIsUntracedAndTimedDirectTheRecordedOneAsRunTimesIt() {
        NcuCommand command = new NcuCommand();
        command.runOptions = List.of("--preset", "tiny", "--batch", "16");
        Path out = dir.resolve("child.sqlite");
        List<String> profiled = command.runCommand(out, NcuCommand.PROFILED);
        assertThat(profiled)
                .containsSubsequence("run", "--preset", "tiny", "--batch", "16")
                .containsSubsequence("--trace", "none", "--step-timing", "direct", "--out", out.toString());
        assertThat(command.runCommand(out, NcuCommand.RECORDED))
                .containsSubsequence("--trace", "full", "--out", out.toString())
                .doesNotContain("--step-timing");
    }

    @Test
    void aRecordingThatFailsIsReportedWithItsReasonAndLeavesNothing() throws Exception {
        assumeFalse(Gpu.isAvailable(), "this machine has a GPU; the test is for the error path without one");
        Path out = dir.resolve("m16.sqlite");
        Cli.Result r =
                Cli.run("ncu", "--ncu", "/bin/true", "--out", out.toString(), "--", "--preset", "tiny", "--batch", "1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("fusescope: record exited 1").contains("libcuda.so.1");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
