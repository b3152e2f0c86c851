package org.fusescope.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.profiler.model.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run dialog's arguments through the REAL runner ({@code Launcher} → {@code fusescope run}) as a
 * child process, the way Run starts it — no fake. Without a GPU the runner must refuse with a reason
 * naming what is missing and create no file; with one it must record every run of the configuration.
 */
class RealRunnerTest {
    @TempDir
    Path dir;

    @Test
    void theDialogsArgumentsStartTheRealRunner() throws Exception {
        Path out = dir.resolve("real.sqlite");
        RunConfigViewModel config = new RunConfigViewModel();
        config.presetProperty().set("tiny");
        config.batchesProperty().set("1,3");
        config.itersProperty().set("2");
        config.outProperty().set(out.toString());
        assertThat(config.errors()).isEmpty();

        List<RunProgress> progress = new ArrayList<>();
        List<String> output = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        RunEnd[] end = new RunEnd[1];
        new RunProcess(Runnable::run).start(RunProcess.command(config.arguments()), new RunProcess.Listener() {
            @Override
            public synchronized void progress(RunProgress p) {
                progress.add(p);
            }

            @Override
            public synchronized void output(String line) {
                output.add(line);
            }

            @Override
            public void finished(RunEnd e) {
                end[0] = e;
                ended.countDown();
            }
        });
        assertThat(ended.await(5, TimeUnit.MINUTES)).as("the runner ended").isTrue();

        Optional<String> noGpu = GpuProbe.whyNoGpu();
        if (noGpu.isPresent()) {
            assertThat(end[0].succeeded()).as(output.toString()).isFalse();
            assertThat(end[0].reason()).contains("GPU").contains("libcuda.so.1");
            assertThat(out).doesNotExist();
            return;
        }
        assertThat(end[0].succeeded()).as(end[0].reason() + " " + output).isTrue();
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.done())
                .isTrue());
        assertThat(Files.size(out)).isPositive();
        try (RecordingService service = new RecordingService()) {
            Recording written = service.open(out);
            assertThat(written.runs()).hasSize(8).allMatch(RunInfo::isComplete);
        }
    }
}
