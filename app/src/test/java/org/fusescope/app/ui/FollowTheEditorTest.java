package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.app.fixtures.ShownWorkbench.onFx;
import static org.fusescope.app.fixtures.ShownWorkbench.waitFor;

import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.data.Recording;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The tool windows follow the editor in front and name the run they show: with the b=16 comparison in
 * front, Expert load and Kernel statistics show its candidate, not the b=1 timeline opened before.
 */
class FollowTheEditorTest extends WorkbenchWindowTest {
    private String title(String toolWindow) throws Exception {
        return onFx(() -> workbench.view().tools().tabText(toolWindow));
    }

    @Test
    void switchingEditorTabsRenamesAndRefillsTheToolWindows(FxRobot robot) throws Exception {
        WorkbenchViewModel vm = workbench.vm();
        workbench.waitUntilIdle();
        assertThat(title("expertLoad")).isEqualTo("Expert load — unfused b=1 graph");
        assertThat(title("kernelStats")).isEqualTo("Kernel statistics — unfused b=1 graph");

        Recording r = vm.explorer().recordings().get(0);
        robot.interact(() -> vm.compare(r, 5, r, 6));
        waitFor(() -> vm.activeEditorProperty().get() instanceof CompareViewModel
                && vm.pendingProperty().get() == 0);

        assertThat(title("expertLoad")).isEqualTo("Expert load — fused b=16 graph");
        assertThat(title("kernelStats")).isEqualTo("Kernel statistics — fused b=16 graph");
        assertThat(title("properties")).isEqualTo("Properties — fused b=16 graph");
        assertThat(vm.analysedRunProperty().get()).isSameAs(vm.selection().activeRun());
        assertThat(vm.selection().activeRun().info().name()).isEqualTo("fused b=16 graph");

        // back to the b=1 timeline's tab
        robot.interact(() -> workbench.view().editors().getSelectionModel().select(0));
        waitFor(() -> vm.pendingProperty().get() == 0);
        assertThat(vm.activeEditorProperty().get()).isInstanceOf(TimelineViewModel.class);
        assertThat(title("expertLoad")).isEqualTo("Expert load — unfused b=1 graph");
        assertThat(title("roofline")).isEqualTo("Roofline — unfused b=1 graph");
    }
}
