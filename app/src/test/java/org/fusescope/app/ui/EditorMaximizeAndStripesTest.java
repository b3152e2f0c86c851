package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.app.fixtures.ShownWorkbench.waitFor;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import org.fusescope.app.prefs.Dock;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A double-click on an editor tab's header puts the explorer and the tool windows away, another one
 * brings them back; the stripes on the window's edges bring a hidden tool window back.
 */
class EditorMaximizeAndStripesTest extends WorkbenchWindowTest {
    private boolean inScene(FxRobot robot, String id) {
        return !robot.lookup(id).queryAll().isEmpty();
    }

    @Test
    void doubleClickingAnEditorTabMaximisesItAndAgainRestores(FxRobot robot) throws Exception {
        workbench.waitUntilIdle();
        assertThat(inScene(robot, "#runsExplorer")).isTrue();
        assertThat(inScene(robot, "#bottomDock")).isTrue();
        double editorWidth = robot.lookup("#editors").query().getBoundsInLocal().getWidth();

        Node header = robot.lookup("#editors .tab").query();
        robot.doubleClickOn(header);
        waitFor(() -> workbench.view().maximizedProperty().get());
        assertThat(inScene(robot, "#runsExplorer")).isFalse();
        assertThat(inScene(robot, "#bottomDock")).isFalse();
        assertThat(inScene(robot, "#rightDock")).isFalse();
        assertThat(robot.lookup("#editors").query().getBoundsInLocal().getWidth())
                .isGreaterThan(editorWidth);

        robot.doubleClickOn(robot.lookup("#editors .tab").queryAs(Node.class));
        waitFor(() -> !workbench.view().maximizedProperty().get());
        assertThat(inScene(robot, "#runsExplorer")).isTrue();
        assertThat(inScene(robot, "#bottomDock")).isTrue();
        assertThat(inScene(robot, "#rightDock")).isTrue();
    }

    @Test
    void aStripeButtonBringsAHiddenToolWindowBack(FxRobot robot) throws Exception {
        workbench.waitUntilIdle();
        robot.interact(() -> workbench.view().tools().show("expertLoad", false));
        ToggleButton button = robot.lookup("#expertLoadStripe").queryAs(ToggleButton.class);
        assertThat(button.isSelected()).isFalse();
        assertThat(robot.lookup("#bottomStripe #expertLoadStripe").queryAll()).hasSize(1);

        robot.clickOn(button);
        waitFor(() -> workbench.view().tools().visible("expertLoad"));
        assertThat(button.isSelected()).isTrue();

        robot.interact(() -> workbench.view().tools().move("roofline", Dock.LEFT));
        ToggleButton moved = robot.lookup("#leftStripe #rooflineStripe").queryAs(ToggleButton.class);
        assertThat(moved)
                .as("the button follows the tool window to the left edge")
                .isNotNull();
        robot.clickOn(moved);
        waitFor(() -> !workbench.view().tools().visible("roofline"));
    }
}
