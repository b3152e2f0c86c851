package org.fusescope.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.Recording;
import org.fusescope.app.fixtures.NsysExport;
import org.fusescope.app.fixtures.ProblemRecording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemItem;
import org.fusescope.app.problems.ProblemsViewModel;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems of every stored run, the line shown when there are none, and where each problem leads. */
class ProblemNavigationTest {
    @TempDir
    Path dir;

    private WorkbenchViewModel vm() {
        return new WorkbenchViewModel(
                new Background(Runnable::run, Runnable::run), WorkbenchPrefs.load(dir.resolve("p")));
    }

    private static ProblemItem item(WorkbenchViewModel vm, String code) {
        return vm.problems().items().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static TimelineViewModel active(WorkbenchViewModel vm) {
        return (TimelineViewModel) vm.activeEditorProperty().get();
    }

    @Test
    void everyRunsStoredProblemsAreListedBeforeItsRunIsLoaded() {
        WorkbenchViewModel vm = vm();
        vm.open(ProblemRecording.write(dir).file(), null);

        assertThat(vm.editors()).singleElement().satisfies(e -> assertThat(
                        ((TimelineViewModel) e).run().info().id())
                .isEqualTo(1));
        assertThat(vm.problems().items())
                .extracting(ProblemItem::code)
                .containsExactlyInAnyOrder(
                        "incomplete-run", "expert-count-sum", "dropped-records", ProblemsViewModel.NUMERIC_CHECK);
        assertThat(item(vm, "expert-count-sum").where()).endsWith("fused b=1 graph layer 1 step 2");
        assertThat(item(vm, ProblemsViewModel.NUMERIC_CHECK).message())
                .startsWith(
                        ProblemRecording.FAILED_CHECK.name() + ": relative error 0.0300 exceeds the tolerance 0.0100");
        assertThat(item(vm, "incomplete-run").runId()).isEqualTo(ProblemRecording.INCOMPLETE_RUN);

        vm.openRun(vm.explorer().recordings().get(0), ProblemRecording.RUN_WITH_PROBLEMS);
        assertThat(vm.problems().items())
                .as("loading the run lists nothing twice")
                .hasSize(4);
    }

    @Test
    void aLayerAndStepProblemShowsThatLayersKernelsInThatStep() {
        WorkbenchViewModel vm = vm();
        vm.open(ProblemRecording.write(dir).file(), null);

        vm.navigate(item(vm, "expert-count-sum"));

        TimelineViewModel t = active(vm);
        assertThat(t.run().info().id()).isEqualTo(ProblemRecording.RUN_WITH_PROBLEMS);
        List<KernelEvent> place = t.run().trace().kernels().stream()
                .filter(k -> k.hasAttribution()
                        && k.attribution().layer() == 1
                        && k.attribution().step() == 2)
                .toList();
        assertThat(place).isNotEmpty();
        long start = place.stream().mapToLong(KernelEvent::startNs).min().orElseThrow();
        long end = place.stream().mapToLong(KernelEvent::endNs).max().orElseThrow();
        assertThat(t.window().startNs())
                .isLessThanOrEqualTo((double) start)
                .isGreaterThan(t.window().minNs());
        assertThat(t.window().endNs())
                .isGreaterThanOrEqualTo((double) end)
                .isLessThan(t.window().maxNs());
        assertThat(t.window().spanNs()).isLessThan(1.5 * (end - start));
        assertThat(vm.selection().kernel()).isNull();
    }

    @Test
    void aProblemAtATimeSelectsTheKernelRunningThen() {
        WorkbenchViewModel vm = vm();
        ProblemRecording.Written written = ProblemRecording.write(dir);
        vm.open(written.file(), null);

        vm.navigate(item(vm, "dropped-records"));

        long at = written.atKernel().timeNs();
        KernelEvent selected = vm.selection().kernel().kernel();
        assertThat(vm.selection().activeRun().info().id()).isEqualTo(ProblemRecording.RUN_WITH_PROBLEMS);
        assertThat(selected.startNs()).isLessThanOrEqualTo(at);
        assertThat(selected.endNs()).isGreaterThanOrEqualTo(at);
        TimelineViewModel t = active(vm);
        assertThat(t.selectedKernel()).isEqualTo(vm.selection().kernel().index());
        assertThat(t.window().startNs()).isLessThanOrEqualTo((double) selected.startNs());
        assertThat(t.window().endNs()).isGreaterThanOrEqualTo((double) selected.endNs());
    }

    @Test
    void aFailedCheckLeadsToItsLayerAndStepAndAnIncompleteRunToTheWholeRun() {
        WorkbenchViewModel vm = vm();
        vm.open(ProblemRecording.write(dir).file(), null);

        vm.navigate(item(vm, ProblemsViewModel.NUMERIC_CHECK));
        TimelineViewModel t = active(vm);
        assertThat(t.run().trace().kernels().stream()
                        .filter(k -> k.startNs() >= t.window().startNs()
                                && k.endNs() <= t.window().endNs())
                        .filter(KernelEvent::hasAttribution)
                        .map(k ->
                                k.attribution().layer() + "/" + k.attribution().step())
                        .distinct())
                .contains("0/1")
                .doesNotContain("1/2", "0/0");

        vm.navigate(item(vm, "incomplete-run"));
        TimelineViewModel incomplete = active(vm);
        assertThat(incomplete.run().info().id()).isEqualTo(ProblemRecording.INCOMPLETE_RUN);
        assertThat(incomplete.window().startNs())
                .isLessThanOrEqualTo((double) incomplete.run().info().startNs());
        assertThat(incomplete.window().endNs())
                .isGreaterThanOrEqualTo((double) incomplete.run().info().endNs());
    }

    @Test
    void withoutProblemsTheWindowSaysWhatWasChecked() throws Exception {
        WorkbenchViewModel vm = vm();
        assertThat(vm.problems().emptyStateProperty().get()).isEqualTo("No problems: no recording is open");

        vm.open(Golden.file(), null);
        Recording golden = vm.explorer().recordings().get(0);
        assertThat(vm.problems().items()).isEmpty();
        assertThat(vm.problems().emptyStateProperty().get())
                .isEqualTo("No problems: " + golden.runs().size() + " runs complete, all invariant checks passed, "
                        + count(Golden.file(), "FS_NUMERIC_CHECKS") + " numeric checks within tolerance");

        Path sample = Samples.copyTo(Samples.H100_MOE, dir.resolve("sample"));
        vm.open(sample, null);
        int runs =
                golden.runs().size() + vm.explorer().recordings().get(1).runs().size();
        assertThat(vm.problems().emptyStateProperty().get())
                .isEqualTo("No problems: " + runs + " runs complete, all invariant checks passed, "
                        + (count(Golden.file(), "FS_NUMERIC_CHECKS") + count(sample, "FS_NUMERIC_CHECKS"))
                        + " numeric checks within tolerance");

        vm.close(golden);
        vm.close(vm.explorer().recordings().get(0));
        vm.open(NsysExport.build(dir), null);
        assertThat(vm.problems().emptyStateProperty().get())
                .isEqualTo("No problems: 1 run complete; nsys exports record no invariant checks");
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }
}
