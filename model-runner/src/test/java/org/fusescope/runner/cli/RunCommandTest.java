package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.record.FakeStepDevice;
import org.fusescope.runner.record.StepTimingChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fusescope run} on the labelled fake device: arguments, progress output, failure handling. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private int failAtLaunch = -1;
    private Map<String, String> environment = Map.of();

    @Test
    void jsonProgressIsOneObjectPerLineEndingDone() throws Exception {
        Path db = dir.resolve("run.sqlite");
        Cli.Result r = run(
                "run",
                "--preset",
                "tiny",
                "--batch",
                "1,4",
                "--mode",
                "graph,eager",
                "--iters",
                "2",
                "--warmup",
                "1",
                "--progress",
                "json",
                "--out",
                db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).allSatisfy(o -> {
            assertThat(o.has("phase")).isTrue();
            assertThat(o.get("fraction").asDouble()).isBetween(0.0, 1.0);
        });
        assertThat(lines.get(lines.size() - 1).get("phase").asText()).isEqualTo("done");
        assertThat(lines).anySatisfy(o -> {
            assertThat(o.get("phase").asText()).isEqualTo("measure");
            assertThat(o.get("run").asText()).isEqualTo("unfused b=1 graph");
            assertThat(o.get("runs").asInt()).isEqualTo(8);
        });
        assertThat(r.err())
                .contains("wrote " + db)
                .contains("fused b=4 eager")
                .contains("fused b=4 eager against unfused b=4 eager: Without tracing (CUPTI paused): ");
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs())
                    .extracting(RunInfo::name)
                    .containsExactly(
                            "unfused b=1 graph",
                            "fused b=1 graph",
                            "unfused b=1 eager",
                            "fused b=1 eager",
                            "unfused b=4 graph",
                            "fused b=4 graph",
                            "unfused b=4 eager",
                            "fused b=4 eager");
        }
    }

    @Test
    void aFailedRunExitsNonZeroWithTheReasonAndKeepsTheDatabase() throws Exception {
        Path db = dir.resolve("failed.sqlite");
        failAtLaunch = 200;
        Cli.Result r = run(
                "run",
                "--preset",
                "tiny",
                "--batch",
                "1",
                "--mode",
                "eager",
                "--variants",
                "unfused",
                "--iters",
                "20",
                "--progress",
                "json",
                "--out",
                db.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("fusescope: ")
                .contains("CUDA_ERROR_ILLEGAL_ADDRESS")
                .doesNotContain("\n");
        List<String> out = r.out().lines().toList();
        assertThat(JSON.readTree(out.get(out.size() - 1)).get("phase").asText()).isEqualTo("error");
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs()).singleElement().satisfies(run -> assertThat(run.status())
                    .isEqualTo(RunStatus.INCOMPLETE));
            assertThat(reader.load(1).kernels()).isNotEmpty();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingRuns() {
        Path db = dir.resolve("never.sqlite");
        assertThat(run("run", "--preset", "nope", "--out", db.toString()).err())
                .contains("unknown model preset 'nope'");
        assertThat(run("run", "--preset", "tiny", "--variants", "fast", "--out", db.toString())
                        .err())
                .contains("unknown variant or fusion switch 'fast'");
        assertThat(run("run", "--preset", "tiny", "--mode", "lazy", "--out", db.toString())
                        .err())
                .contains("unknown mode 'lazy'");
        assertThat(run("run", "--preset", "tiny", "--layers", "5", "--out", db.toString())
                        .err())
                .contains("layers must be in 1..4");
        assertThat(run("run", "--preset", "tiny", "--routing", "zipf", "--out", db.toString())
                        .err())
                .contains("zipf");
        assertThat(run("run", "--preset", "tiny", "--out", db.toString(), "--progress", "loud")
                        .err())
                .contains("unknown --progress 'loud'");
        Cli.Result badTrace = run("run", "--preset", "tiny", "--out", db.toString(), "--trace", "some");
        assertThat(badTrace.exitCode()).isEqualTo(2);
        assertThat(badTrace.err()).contains("--trace").contains("FULL, KERNELS, NONE");
        Cli.Result badTiming = run("run", "--preset", "tiny", "--out", db.toString(), "--step-timing", "later");
        assertThat(badTiming.exitCode()).isEqualTo(2);
        assertThat(badTiming.err()).contains("--step-timing").contains("AUTO, GATED, DIRECT");
        assertThat(db).doesNotExist();
    }

    @Test
    void theTraceLevelAndStepTimingTheDeviceUsedAreInTheRunsMetadata() throws Exception {
        Path db = dir.resolve("levels.sqlite");
        Cli.Result r = run(
                "run",
                "--preset",
                "tiny",
                "--batch",
                "1",
                "--mode",
                "graph",
                "--iters",
                "2",
                "--warmup",
                "0",
                "--trace",
                "kernels",
                "--step-timing",
                "direct",
                "--progress",
                "none",
                "--out",
                db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (org.fusescope.profiler.store.TraceReader reader = org.fusescope.profiler.store.TraceReader.open(db)) {
            long id = reader.runs().get(0).id();
            // the labelled fake traces everything and has no gate: the metadata says what the device did
            assertThat(reader.metadata())
                    .containsEntry("fusescope.run." + id + ".trace", "full")
                    .containsEntry("fusescope.run." + id + ".stepTiming", "direct");
        }
    }

    @Test
    void underAnInjectedCudaToolEveryRunSaysItsStepsAreTimedDirectAndStderrSaysItOnce() throws Exception {
        environment = Map.of(StepTimingChoice.INJECTION_VARIABLE, "/opt/nsight-compute/libInjection.so");
        Path db = dir.resolve("under-ncu.sqlite");
        Cli.Result r = smallRun(db, "--mode", "graph,eager", "--trace", "none");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains(StepTimingChoice.INJECTION_VARIABLE)))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith("fusescope: a CUDA tool is injected")
                        .contains("/opt/nsight-compute/libInjection.so")
                        .contains("timed direct, not gated"));
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs()).hasSize(2).allSatisfy(run -> assertThat(
                            reader.load(run.id()).problems())
                    .anySatisfy(p -> {
                        assertThat(p.code()).isEqualTo(StepTimingChoice.PROBLEM_CODE);
                        assertThat(p.severity()).isEqualTo(Severity.WARNING);
                    }));
        }
    }

    @Test
    void withoutAnInjectedToolTheRunSaysNothingAboutItsStepTiming() throws Exception {
        Path db = dir.resolve("plain.sqlite");
        Cli.Result r = smallRun(db, "--mode", "graph");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain(StepTimingChoice.INJECTION_VARIABLE);
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.load(1).problems()).noneMatch(p -> p.code().equals(StepTimingChoice.PROBLEM_CODE));
        }
    }

    @Test
    void anExistingDatabaseIsNeverOverwritten() throws Exception {
        Path db = Files.writeString(dir.resolve("old.sqlite"), "precious");
        Cli.Result r = run("run", "--preset", "tiny", "--batch", "1", "--out", db.toString(), "--progress", "none");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(db)).isEqualTo("precious");
    }

    /** One unfused tiny run at batch 1 with one measured step and no progress into {@code db}, and {@code more}. */
    private Cli.Result smallRun(Path db, String... more) {
        List<String> args =
                new ArrayList<>(List.of("run", "--preset", "tiny", "--batch", "1", "--variants", "unfused"));
        args.addAll(List.of("--iters", "1", "--progress", "none", "--out", db.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Cli.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory fake = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(
                            (sink, weights, steps) -> {
                                FakeStepDevice d = new FakeStepDevice(sink);
                                d.failAtLaunch = failAtLaunch;
                                return d;
                            },
                            environment));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        int exit = FuseScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), fake)
                .execute(args);
        return new Cli.Result(exit, out.toString(), err.toString());
    }
}
