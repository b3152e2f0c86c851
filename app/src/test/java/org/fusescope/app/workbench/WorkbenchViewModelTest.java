package org.fusescope.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.app.Golden;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.data.Recording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.timeline.TimelineViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench view model with background work run inline: no toolkit needed. */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;

    private WorkbenchViewModel vm() {
        return new WorkbenchViewModel(
                new Background(Runnable::run, Runnable::run), WorkbenchPrefs.load(dir.resolve("p")));
    }

    @Test
    void openingARecordingOpensItsFirstRunAndAnalysesIt() {
        WorkbenchViewModel vm = vm();
        vm.open(Golden.file(), null);
        assertThat(vm.explorer().recordings()).hasSize(1);
        assertThat(vm.editors()).singleElement().isInstanceOf(TimelineViewModel.class);
        assertThat(vm.selection().activeRun().trace().run().id()).isEqualTo(1);
        assertThat(vm.stats().rows()).isNotEmpty();
        assertThat(vm.experts().bars()).isNotEmpty();
        assertThat(vm.roofline().points()).isNotEmpty();
        assertThat(vm.pendingProperty().get()).isZero();
        assertThat(vm.statusProperty().get()).isEqualTo("Ready");
        assertThat(vm.prefs().recentFiles())
                .containsExactly(Golden.file().toAbsolutePath().normalize());

        Recording r = vm.explorer().recordings().get(0);
        vm.openRun(r, 1);
        assertThat(vm.editors()).hasSize(1);
        vm.openRun(r, 4);
        assertThat(vm.editors()).hasSize(2);
        assertThat(vm.selection().activeRun().trace().run().id()).isEqualTo(4);

        vm.compare(r, 3, r, 4);
        assertThat(vm.activeEditorProperty().get()).isInstanceOf(CompareViewModel.class);
        vm.close(r);
        assertThat(vm.explorer().recordings()).isEmpty();
        assertThat(vm.editors()).singleElement().isInstanceOf(CompareViewModel.class);
    }

    @Test
    void aProblemLeadsToItsRunAndTime() {
        WorkbenchViewModel vm = vm();
        vm.open(Golden.file(), null);
        Recording r = vm.explorer().recordings().get(0);
        long at = r.run(6).startNs() + 50_000;
        vm.navigate(new org.fusescope.app.problems.ProblemItem(
                org.fusescope.profiler.model.Severity.WARNING, "here", "code", "message", r, 6, at));
        TimelineViewModel t = (TimelineViewModel) vm.activeEditorProperty().get();
        assertThat(t.run().trace().run().id()).isEqualTo(6);
        assertThat(t.window().startNs()).isLessThanOrEqualTo(at);
        assertThat(t.window().endNs()).isGreaterThan(at);
        assertThat(t.window().spanNs())
                .isLessThan(t.window().maxNs() - t.window().minNs());
    }

    @Test
    void aFileThatIsNoTraceBecomesAProblem() throws Exception {
        WorkbenchViewModel vm = vm();
        vm.open(Files.writeString(dir.resolve("bad.sqlite"), "text"), null);
        assertThat(vm.explorer().recordings()).isEmpty();
        assertThat(vm.problems().items()).singleElement().satisfies(p -> assertThat(p.code())
                .isEqualTo("open-failed"));
        assertThat(vm.statusProperty().get()).contains("failed");
        assertThat(vm.console().text()).contains("error");
    }

    @Test
    void firstStartOpensTheMostRecentFileElseTheSample() {
        WorkbenchViewModel vm = vm();
        vm.openFirst();
        // The H100 sample when the assets module bundles it, else a synthetic recording.
        String expected = getClass().getResource(org.fusescope.app.data.SampleRecordings.H100_SAMPLE) != null
                ? "(H100 sample)"
                : "(synthetic sample)";
        assertThat(vm.explorer().recordings()).singleElement().satisfies(r -> assertThat(r.label())
                .contains(expected));
        assertThat(vm.prefs().recentFiles()).as("the sample is no recent file").isEmpty();

        vm.prefs().addRecent(Golden.file());
        WorkbenchViewModel next = new WorkbenchViewModel(new Background(Runnable::run, Runnable::run), vm.prefs());
        next.openFirst();
        assertThat(next.explorer().recordings()).singleElement().satisfies(r -> assertThat(r.file())
                .isEqualTo(Golden.file().toAbsolutePath().normalize()));
    }
}
