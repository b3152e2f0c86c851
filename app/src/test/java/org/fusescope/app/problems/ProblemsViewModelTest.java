package org.fusescope.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.console.ConsoleViewModel;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {
    @Test
    void incompleteRunsRecordedProblemsAndFailuresAreListedWithTheirPlace() {
        try (RecordingService service = new RecordingService()) {
            Recording golden = service.open(Golden.file());
            Recording broken = new Recording(
                    golden.file(),
                    golden.label(),
                    true,
                    false,
                    List.of(golden.runs().get(0).finished(golden.runs().get(0).endNs(), RunStatus.INCOMPLETE)),
                    golden.metadata());
            ProblemsViewModel vm = new ProblemsViewModel();
            vm.recordingOpened(golden);
            assertThat(vm.items()).isEmpty();
            vm.recordingOpened(broken);
            assertThat(vm.items()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("incomplete-run");
                assertThat(p.navigable()).isTrue();
                assertThat(p.runId()).isEqualTo(1);
            });

            OpenRun run = Golden.run(service, 2);
            RunTrace t = run.trace();
            RunTrace withProblem = new RunTrace(
                    t.run(),
                    t.device(),
                    t.kernels(),
                    t.apiCalls(),
                    t.memcpys(),
                    t.memsets(),
                    t.syncs(),
                    t.ranges(),
                    t.expertCounts(),
                    t.checks(),
                    List.of(new Problem(Severity.ERROR, "expert-count-sum", "counts add up to 9, not 10", 1, 0, 1234)),
                    t.threadNames());
            vm.runLoaded(golden, withProblem);
            vm.runLoaded(golden, withProblem);
            assertThat(vm.items())
                    .filteredOn(p -> p.code().equals("expert-count-sum"))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.where()).contains("layer 1").contains("step 0");
                        assertThat(p.timeNs()).isEqualTo(1234);
                    });
            vm.failed("Opening x.sqlite", "not a trace database");
            assertThat(vm.items()).anySatisfy(p -> assertThat(p.navigable()).isFalse());
        }
    }

    @Test
    void consoleKeepsTheNewestLines() {
        ConsoleViewModel console = new ConsoleViewModel();
        for (int i = 0; i < ConsoleViewModel.MAX_LINES + 10; i++) {
            console.append("line " + i);
        }
        assertThat(console.lines()).hasSize(ConsoleViewModel.MAX_LINES);
        assertThat(console.lines().get(0)).isEqualTo("line 10");
        assertThat(console.text()).endsWith("line " + (ConsoleViewModel.MAX_LINES + 9));
    }
}
