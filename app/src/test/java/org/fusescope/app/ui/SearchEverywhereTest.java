package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.app.fixtures.ShownWorkbench.onFx;
import static org.fusescope.app.fixtures.ShownWorkbench.waitFor;

import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.SearchHit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Search Everywhere (Shift Shift): kernels, ops, runs and commands in one list; Enter goes there. */
class SearchEverywhereTest extends WorkbenchWindowTest {
    @SuppressWarnings("unchecked")
    private ListView<SearchHit> hits(FxRobot robot) {
        return robot.lookup("#searchEverywhereList").queryAs(ListView.class);
    }

    @Test
    void doubleShiftFindsAKernelByNameAndEnterSelectsIt(FxRobot robot) throws Exception {
        workbench.waitUntilIdle();
        robot.clickOn("#timelineCanvas");
        robot.press(KeyCode.SHIFT).release(KeyCode.SHIFT).press(KeyCode.SHIFT).release(KeyCode.SHIFT);
        waitFor(() -> !robot.lookup("#searchEverywhereField").queryAll().isEmpty());

        robot.write("grouped_gemm2");
        waitFor(() -> !hits(robot).getItems().isEmpty());
        SearchHit first = onFx(() -> hits(robot).getSelectionModel().getSelectedItem());
        assertThat(first.kind()).isEqualTo(SearchHit.Kind.KERNEL);
        assertThat(first.text()).isEqualTo("grouped_gemm2_kernel");

        robot.type(KeyCode.ENTER);
        waitFor(() -> workbench.vm().selection().kernel() != null);
        TimelineViewModel t =
                (TimelineViewModel) workbench.vm().activeEditorProperty().get();
        int k = workbench.vm().selection().kernel().index();
        assertThat(t.data().columns().kernels().name(k)).isEqualTo("grouped_gemm2_kernel");
        long start = t.data().columns().kernels().starts()[k];
        assertThat(t.window().startNs()).as("the view shows the kernel").isLessThanOrEqualTo(start);
        assertThat(t.window().endNs()).isGreaterThan(start);
    }

    @Test
    void runsOpsAndCommandsAreFoundToo(FxRobot robot) throws Exception {
        workbench.waitUntilIdle();
        robot.interact(() -> workbench.view().searchEverywhere());
        robot.write("fused b=16 eager");
        waitFor(() -> !hits(robot).getItems().isEmpty());
        List<SearchHit> runs = onFx(() -> List.copyOf(hits(robot).getItems()));
        assertThat(runs).extracting(SearchHit::kind).contains(SearchHit.Kind.RUN);
        assertThat(runs.get(0).text()).isEqualTo("fused b=16 eager");
        robot.type(KeyCode.ENTER);
        waitFor(() -> workbench.vm().activeEditorProperty().get() instanceof TimelineViewModel t
                && t.run().info().name().equals("fused b=16 eager"));

        robot.interact(() -> workbench.view().searchEverywhere());
        robot.write("compare runs");
        waitFor(() -> !hits(robot).getItems().isEmpty());
        SearchHit command = onFx(() -> hits(robot).getItems().get(0));
        assertThat(command.kind()).isEqualTo(SearchHit.Kind.COMMAND);
        assertThat(command.text()).isEqualTo("Run → Compare runs…");

        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> workbench.view().searchEverywhere());
        robot.write("moe_align");
        waitFor(() -> !hits(robot).getItems().isEmpty());
        assertThat(onFx(() -> List.copyOf(hits(robot).getItems())))
                .extracting(SearchHit::kind)
                .contains(SearchHit.Kind.KERNEL, SearchHit.Kind.OP);
    }
}
