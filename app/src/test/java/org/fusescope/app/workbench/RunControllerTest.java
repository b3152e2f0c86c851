package org.fusescope.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.run.RunNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run on a machine without a GPU says why where the user looks: the status bar and a notification. */
class RunControllerTest {
    @TempDir
    Path dir;

    @Test
    void runWithoutAGpuSaysWhyInTheStatusBarAndANotification() {
        WorkbenchViewModel vm = new WorkbenchViewModel(
                new Background(Runnable::run, Runnable::run), WorkbenchPrefs.load(dir.resolve("p")));
        String why = "No NVIDIA GPU here: libcuda.so.1 is not on any library path";
        RunController runs = new RunController(vm, Optional.of(why), args -> List.of("false"));

        assertThat(runs.start()).isFalse();

        assertThat(vm.statusProperty().get()).isEqualTo("Cannot run: " + why);
        RunNotice notice = runs.noticeProperty().get();
        assertThat(notice).isNotNull();
        assertThat(notice.kind()).isEqualTo(RunNotice.Kind.FAILED);
        assertThat(notice.title()).isEqualTo("Cannot run");
        assertThat(notice.text()).isEqualTo(why);
        assertThat(vm.console().text()).contains(why);
        assertThat(runs.runningProperty().get()).isFalse();
    }
}
