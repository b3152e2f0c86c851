package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ncu-import} on the golden recording, with an ncu raw-page CSV written from the first run's
 * kernels (as ncu would profile them: set-up launches, a first step, the measured step, demangled
 * names): every kernel of the last step gets its counters, the input is unchanged, report shows them.
 */
class NcuImportCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/recording.sqlite");

    @TempDir
    Path dir;

    @Test
    void countersReachTheLastStepsKernelsInACopy() throws Exception {
        RunTrace trace;
        try (TraceReader r = TraceReader.open(GOLDEN)) {
            RunInfo first = r.runs().get(0);
            trace = r.load(first.id());
        }
        int lastStep = trace.kernels().stream()
                .filter(KernelEvent::hasAttribution)
                .mapToInt(k -> k.attribution().step())
                .max()
                .orElseThrow();
        List<KernelEvent> step = trace.kernels().stream()
                .filter(k -> k.hasAttribution() && k.attribution().step() == lastStep)
                .toList();
        StringBuilder csv = new StringBuilder("==PROF== Connected to process 7 (java)\n");
        csv.append("\"ID\",\"Process ID\",\"Process Name\",\"Host Name\",\"Kernel Name\",\"Context\",\"Stream\","
                + "\"Block Size\",\"Grid Size\",\"Device\",\"CC\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                + "\"gpu__time_duration.sum\"\n");
        csv.append("\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"byte\",\"byte\",\"nsecond\"\n");
        int id = 0;
        id = launch(csv, id, "void fill_random<float>(float*, int)", "(1, 1, 1)", "(256, 1, 1)", 1, 0);
        for (int round = 0; round < 2; round++) {
            for (KernelEvent k : step) {
                long modelled = k.attribution().bytes();
                // the measured step reads 10 % more than the model; the first one, 3x (cold caches)
                long read = round == 1 ? modelled + modelled / 10 : 3 * modelled;
                id = launch(
                        csv, id, "void " + k.name() + "<2>(int)", dim(k.block()), dim(k.grid()), read, 1000 + round);
            }
        }
        Path csvFile = dir.resolve("m16.csv");
        Files.writeString(csvFile, csv);
        byte[] before = Files.readAllBytes(GOLDEN);
        Path out = dir.resolve("with-ncu.sqlite");

        Cli.Result r = Cli.run(
                "ncu-import",
                GOLDEN.toString(),
                "--csv",
                csvFile.toString(),
                "--out",
                out.toString(),
                "--run",
                String.valueOf(trace.run().id()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(step.size() + " of " + step.size() + " kernels of the last step matched");
        assertThat(Files.readAllBytes(GOLDEN)).isEqualTo(before);
        try (TraceReader w = TraceReader.open(out)) {
            List<MeasuredKernel> m = w.measuredKernels(trace.run().id());
            assertThat(m).hasSize(step.size());
            assertThat(m)
                    .extracting(MeasuredKernel::kernelStartNs)
                    .containsExactlyElementsOf(
                            step.stream().map(KernelEvent::startNs).toList());
            assertThat(m).allMatch(k -> k.durationNs() == 1001 && Double.isNaN(k.l2HitRatePct()));
            assertThat(m.get(0).dramReadBytes())
                    .isEqualTo(step.get(0).attribution().bytes() * 1.1, org.assertj.core.data.Offset.offset(1.0));
        }
        Cli.Result report = Cli.run(
                "report", out.toString(), "--run", String.valueOf(trace.run().id()), "--section", "ncu");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("Nsight Compute: measured vs modelled")
                .contains(step.get(0).name());
    }

    @Test
    void aCsvThatMatchesNothingIsRefusedAndWritesNothing() throws Exception {
        Path csvFile = dir.resolve("other.csv");
        StringBuilder csv = new StringBuilder("\"ID\",\"Process ID\",\"Process Name\",\"Host Name\",\"Kernel Name\","
                + "\"Context\",\"Stream\",\"Block Size\",\"Grid Size\",\"Device\",\"CC\",\"gpu__time_duration.sum\"\n");
        launch(csv, 0, "someone_elses_kernel", "(32, 1, 1)", "(1, 1, 1)", -1, 5);
        Files.writeString(csvFile, csv);
        Path out = dir.resolve("nothing.sqlite");
        Cli.Result r = Cli.run("ncu-import", GOLDEN.toString(), "--csv", csvFile.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(csvFile.toString()).contains("matches a recorded step");
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part")))
                .isEmpty();
    }

    private static int launch(StringBuilder csv, int id, String name, String block, String grid, long read, long ns) {
        csv.append(String.format(
                Locale.ROOT,
                "\"%d\",\"7\",\"java\",\"h\",\"%s\",\"1\",\"13\",\"%s\",\"%s\",\"0\",\"9.0\"",
                id,
                name,
                block,
                grid));
        if (read >= 0) {
            csv.append(String.format(Locale.ROOT, ",\"%,d\",\"0\"", read));
        }
        csv.append(String.format(Locale.ROOT, ",\"%d\"\n", ns));
        return id + 1;
    }

    private static String dim(org.fusescope.profiler.model.Dim3 d) {
        return "(" + d.x() + ", " + d.y() + ", " + d.z() + ")";
    }
}
