package org.fusescope.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunProcess} with a real child process: the {@link FakeGpuRunner} (a labelled fake of
 * {@code fusescope run}, which needs a GPU) started through the same ProcessBuilder path as the
 * runner.
 */
class RunProcessTest {
    @TempDir
    Path dir;

    /** Everything a run reported, in the order the listener heard it. */
    static final class Heard implements RunProcess.Listener {
        final List<RunProgress> progress = new CopyOnWriteArrayList<>();
        final List<String> output = new CopyOnWriteArrayList<>();
        final CompletableFuture<RunEnd> end = new CompletableFuture<>();

        @Override
        public void progress(RunProgress p) {
            progress.add(p);
        }

        @Override
        public void output(String line) {
            output.add(line);
        }

        @Override
        public void finished(RunEnd e) {
            end.complete(e);
        }

        RunEnd awaitEnd() throws Exception {
            return end.get(60, TimeUnit.SECONDS);
        }
    }

    private Heard start(RunProcess process, String mode, Path out) throws Exception {
        Heard heard = new Heard();
        List<String> args = List.of("run", "--preset", "tiny", "--out", out.toString(), "--progress", "json");
        List<String> withMode = new ArrayList<>(args);
        withMode.add("--fake=" + mode);
        process.start(RunProcess.javaCommand(FakeGpuRunner.class.getName(), withMode), heard);
        return heard;
    }

    @Test
    void aRunThatSucceedsReportsEveryProgressLineAndWritesTheRecording() throws Exception {
        Path out = dir.resolve("run.sqlite");
        Heard heard = start(new RunProcess(Runnable::run), "ok", out);
        RunEnd end = heard.awaitEnd();

        assertThat(end.succeeded()).isTrue();
        assertThat(end.reason()).isEmpty();
        int units = FakeGpuRunner.RUNS * (FakeGpuRunner.STEPS + 2);
        List<Double> expected = new ArrayList<>(List.of(0.0));
        for (int u = 1; u <= units; u++) {
            expected.add((double) u / units);
        }
        expected.add(1.0); // done
        assertThat(heard.progress).extracting(RunProgress::fraction).containsExactlyElementsOf(expected);
        assertThat(heard.progress.get(0).phase()).isEqualTo("calibrate");
        assertThat(heard.progress.get(heard.progress.size() - 1).done()).isTrue();
        assertThat(heard.progress)
                .filteredOn(p -> p.phase().equals("measure"))
                .hasSize(FakeGpuRunner.RUNS * FakeGpuRunner.STEPS)
                .first()
                .satisfies(p -> assertThat(p.describe()).isEqualTo("measure unfused b=1 graph (run 1/2, step 1/3)"));
        assertThat(heard.output).anyMatch(l -> l.startsWith("fake runner:"));
        assertThat(heard.output).noneMatch(l -> l.startsWith("{"));

        try (RecordingService service = new RecordingService()) {
            Recording written = service.open(out);
            Recording sample = service.open(Samples.copyTo(Samples.H100_MOE, dir.resolve("sample")));
            assertThat(written.runs())
                    .extracting(RunInfo::name)
                    .containsExactlyElementsOf(
                            sample.runs().stream().map(RunInfo::name).toList());
        }
    }

    @Test
    void aRunThatFailsReportsTheRunnersReason() throws Exception {
        Heard heard = start(new RunProcess(Runnable::run), "fail", dir.resolve("fail.sqlite"));
        RunEnd end = heard.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(1);
        assertThat(end.stopped()).isFalse();
        assertThat(end.reason()).isEqualTo(FakeGpuRunner.REASON);
        RunProgress last = heard.progress.get(heard.progress.size() - 1);
        assertThat(last.error()).isTrue();
        assertThat(last.fraction()).isLessThan(1);
        assertThat(heard.output).contains("stderr: fusescope: " + FakeGpuRunner.REASON);
        assertThat(dir.resolve("fail.sqlite")).doesNotExist();
    }

    @Test
    void aRunnerThatDiesWithoutAnErrorLineIsExplainedByItsFirstStderrLine() throws Exception {
        Heard heard = start(new RunProcess(Runnable::run), "crash", dir.resolve("crash.sqlite"));
        RunEnd end = heard.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(1);
        assertThat(end.reason()).isEqualTo(FakeGpuRunner.REASON);
        assertThat(heard.progress).noneMatch(RunProgress::error);
    }

    @Test
    void stopKillsTheProcessTreeAndKeepsThePartialRecording() throws Exception {
        Path out = dir.resolve("partial.sqlite");
        RunProcess process = new RunProcess(Runnable::run);
        Heard heard = start(process, "hang", out);
        org.testfx.util.WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> heard.output.stream()
                .anyMatch(l -> l.startsWith(FakeGpuRunner.GRANDCHILD)));
        long grandchild = Long.parseLong(heard.output.stream()
                .filter(l -> l.startsWith(FakeGpuRunner.GRANDCHILD))
                .findFirst()
                .orElseThrow()
                .substring(FakeGpuRunner.GRANDCHILD.length()));
        long child = process.pid();
        assertThat(ProcessHandle.of(grandchild))
                .hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
        int progressBeforeStop = heard.progress.size();
        assertThat(process.running()).isTrue();

        process.stop();
        RunEnd end = heard.awaitEnd();

        assertThat(end.stopped()).isTrue();
        assertThat(end.succeeded()).isFalse();
        assertThat(end.reason()).isEqualTo(RunEnd.STOPPED);
        assertThat(process.running()).isFalse();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive))
                .as("the grandchild is stopped with its parent")
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(heard.progress).hasSize(progressBeforeStop).last().satisfies(p -> assertThat(p.phase())
                .isEqualTo("write"));
        try (RecordingService service = new RecordingService()) {
            Recording partial = service.open(out);
            assertThat(partial.runs()).extracting(RunInfo::isComplete).containsExactly(true, false);
        }
    }
}
