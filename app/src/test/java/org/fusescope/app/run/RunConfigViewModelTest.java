package org.fusescope.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigViewModelTest {
    @TempDir
    Path dir;

    private RunConfigViewModel valid() {
        RunConfigViewModel vm = new RunConfigViewModel();
        vm.outProperty().set(dir.resolve("out.sqlite").toString());
        return vm;
    }

    @Test
    void buildsTheRunnerArguments() {
        RunConfigViewModel vm = valid();
        vm.batchesProperty().set("1, 4,16");
        vm.switches().setAll("add_rmsnorm", "moe_align_fused");
        vm.eagerProperty().set(false);
        vm.layersProperty().set("4");
        vm.routingProperty().set("zipf:1.2");
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.arguments())
                .containsExactly(
                        "run",
                        "--preset",
                        "qwen3-next-80b-a3b",
                        "--batch",
                        "1,4,16",
                        "--variants",
                        "unfused,fused,add_rmsnorm+moe_align_fused",
                        "--mode",
                        "graph",
                        "--layers",
                        "4",
                        "--iters",
                        "20",
                        "--routing",
                        "zipf:1.2",
                        "--seed",
                        "42",
                        "--verify",
                        "--out",
                        dir.resolve("out.sqlite").toString(),
                        "--progress",
                        "json");
    }

    @Test
    void aConfigFileReplacesThePresetAndWeightsArePassed() throws Exception {
        RunConfigViewModel vm = valid();
        Path config = java.nio.file.Files.writeString(dir.resolve("config.json"), "{}");
        vm.configFileProperty().set(config.toString());
        vm.weightsProperty().set(dir.toString());
        vm.verifyProperty().set(false);
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.arguments()).containsSequence("--config", config.toString());
        assertThat(vm.arguments()).containsSequence("--weights", dir.toString());
        assertThat(vm.arguments()).doesNotContain("--preset", "--verify");
    }

    @Test
    void rejectsBadInputWithAMessageEach() {
        RunConfigViewModel vm = valid();
        vm.batchesProperty().set("1,x");
        vm.routingProperty().set("hot:0:2");
        vm.switches().setAll("shared_gate", "shared_as_expert");
        vm.graphProperty().set(false);
        vm.eagerProperty().set(false);
        vm.seedProperty().set("seven");
        vm.itersProperty().set("-1");
        vm.outProperty().set(dir.resolve("out.txt").toString());
        vm.weightsProperty().set(dir.resolve("missing").toString());
        assertThat(vm.errors())
                .hasSize(8)
                .anyMatch(e -> e.contains("batch sizes") && e.contains("'x'"))
                .anyMatch(e -> e.startsWith("routing"))
                .anyMatch(e -> e.contains("shared_as_expert"))
                .anyMatch(e -> e.contains("launch mode"))
                .anyMatch(e -> e.startsWith("seed"))
                .anyMatch(e -> e.startsWith("iterations"))
                .anyMatch(e -> e.contains(".sqlite"))
                .anyMatch(e -> e.startsWith("weights"));
    }

    @Test
    void needsAVariantAndAnOutput() {
        RunConfigViewModel vm = new RunConfigViewModel();
        vm.unfusedProperty().set(false);
        vm.fusedProperty().set(false);
        assertThat(vm.errors()).anyMatch(e -> e.contains("variant")).anyMatch(e -> e.startsWith("output"));
    }

    @Test
    void outputMustNameASqliteFileInAnExistingFolder() {
        for (String bad : new String[] {"/", "out", "/no/such/folder/out.sqlite"}) {
            RunConfigViewModel vm = valid();
            vm.outProperty().set(bad);
            assertThat(vm.errors()).as(bad).singleElement().satisfies(e -> assertThat(e)
                    .startsWith("output"));
        }
    }

    @Test
    void routingScenarios() {
        for (String ok : new String[] {"router", "uniform", "zipf:0.8", "hot:4:0.5"}) {
            RunConfigViewModel vm = valid();
            vm.routingProperty().set(ok);
            assertThat(vm.errors()).as(ok).isEmpty();
        }
        for (String bad : new String[] {"", "zipf", "zipf:-1", "hot:4", "hot:x:0.5", "file:/no/such", "random"}) {
            RunConfigViewModel vm = valid();
            vm.routingProperty().set(bad);
            assertThat(vm.errors()).as(bad).hasSize(1);
        }
    }
}
