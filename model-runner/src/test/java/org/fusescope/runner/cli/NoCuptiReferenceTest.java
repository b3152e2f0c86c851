package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.record.FakeStepDevice;
import org.fusescope.runner.record.RunRecording;
import org.fusescope.runner.record.RunRequest;
import org.fusescope.runner.record.StepTiming;
import org.fusescope.runner.record.TraceLevel;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --overhead-reference process}: the child it starts and what is read back from the child's database. */
class NoCuptiReferenceTest {
    @TempDir
    Path dir;

    @Test
    void theChildRecordsTheSameRunsWithoutCuptiTimedAsTheParentTimesThem() {
        RunCommand parent = parse(
                "--preset",
                "tiny",
                "--batch",
                "1,16",
                "--variants",
                "unfused,fused-pdl",
                "--mode",
                "graph",
                "--iters",
                "7",
                "--warmup",
                "2",
                "--seed",
                "9",
                "--routing",
                "router",
                "--verify",
                "--overhead-reference",
                "process",
                "--out",
                "parent.sqlite");
        List<String> command = ChildRun.command(
                parent.runOptions(), NoCuptiReference.settings(StepTiming.GATED), dir.resolve("child.sqlite"));
        assertThat(command).contains(FuseScopeCli.class.getName()).containsSubsequence("-cp", "run");
        List<String> childArgs = command.subList(command.indexOf("run") + 1, command.size());
        RunCommand child = parse(childArgs.toArray(String[]::new));
        assertThat(child.trace).isEqualTo(TraceLevel.NONE);
        assertThat(child.stepTiming.name()).isEqualTo("GATED");
        assertThat(child.overheadReference)
                .as("the child starts no child")
                .isEqualTo(RunCommand.OverheadReference.PAUSED);
        assertThat(child.verify).as("the child only times the steps").isFalse();
        assertThat(child.out).isEqualTo(dir.resolve("child.sqlite"));
        assertThat(child.model.preset).isEqualTo("tiny");
        assertThat(child.batches).isEqualTo(parent.batches);
        assertThat(child.variants).isEqualTo(parent.variants);
        assertThat(child.modes).isEqualTo(parent.modes);
        assertThat(List.of(child.iters, child.warmup, child.layers, child.context))
                .isEqualTo(List.of(parent.iters, parent.warmup, parent.layers, parent.context));
        assertThat(child.seed).isEqualTo(9L);
        assertThat(NoCuptiReference.settings(StepTiming.DIRECT))
                .containsExactly("--trace", "none", "--step-timing", "direct");
    }

    /** What the child sets itself, must not get, or cannot use; every other option of {@code run} is passed on. */
    private static final List<String> NOT_PASSED = List.of(
            "--out",
            "--trace",
            "--step-timing",
            "--overhead-reference",
            "--verify",
            "--dump",
            "--progress",
            "--tp",
            "--help",
            "--version");

    @Test
    void everyOptionOfRunIsPassedToTheChildOrListedAsNotPassed() {
        RunCommand withPreset = parse("--preset", "tiny", "--out", "parent.sqlite");
        RunCommand withConfig = parse("--config", "config.json", "--weights", "weights", "--out", "parent.sqlite");
        List<String> passed = new java.util.ArrayList<>(withPreset.runOptions());
        passed.addAll(withConfig.runOptions());
        for (CommandLine.Model.OptionSpec option :
                new CommandLine(withPreset).getCommandSpec().options()) {
            boolean isPassed = java.util.Arrays.stream(option.names()).anyMatch(passed::contains);
            boolean notPassed = java.util.Arrays.stream(option.names()).anyMatch(NOT_PASSED::contains);
            assertThat(isPassed ^ notPassed)
                    .as(
                            "run option %s: pass it to the reference child in RunCommand.runOptions(), or list it in"
                                    + " NOT_PASSED (and not both)",
                            option.longestName())
                    .isTrue();
        }
    }

    @Test
    void aChildThatFailsSaysWhyAndLeavesNoFilesBehind() throws Exception {
        StringWriter said = new StringWriter();
        assertThatThrownBy(() -> NoCuptiReference.measure(
                        List.of("--preset", "no-such-preset"),
                        StepTiming.GATED,
                        dir.resolve("parent.sqlite"),
                        new PrintWriter(said, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited")
                .hasMessageContaining("no-such-preset");
        assertThat(said.toString()).contains("a process without CUPTI");
        try (var left = Files.list(dir)) {
            assertThat(left).as("the child's work folder is removed").isEmpty();
        }
    }

    @Test
    void eachRunsStepTimeIsReadByItsName() {
        Path db = dir.resolve("child.sqlite");
        List<RunRequest> runs = List.of(tiny("unfused", true), tiny("fused", false));
        new RunRecording(runs, null, e -> {}).record(db, FakeStepDevice::new);
        Map<String, Double> byName = NoCuptiReference.stepNsByRun(db);
        try (TraceReader reader = TraceReader.open(db)) {
            Map<String, String> meta = reader.metadata();
            assertThat(byName).hasSize(2);
            for (RunInfo run : reader.runs()) {
                assertThat(byName.get(run.name()))
                        .isEqualTo(
                                Double.parseDouble(meta.get(RunMetadata.key(run.id(), RunMetadata.STEP_GPU_NS_TRACED))))
                        .isPositive();
            }
        }
    }

    private static RunRequest tiny(String variant, boolean graph) {
        StepSpec spec = new StepSpec(
                ModelConfig.preset("tiny"), Fusion.parseVariant(variant), 4, 1, RoutingScenario.parse("router"), 3);
        return new RunRequest(spec, variant, graph, 1, 3);
    }

    private static RunCommand parse(String... args) {
        RunCommand command = new RunCommand(DeviceOpener.CUDA, Map.of());
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args); // as FuseScopeCli
        return command;
    }
}
