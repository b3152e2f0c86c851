package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.fusescope.app.prefs.Dock;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tool windows move between the left, right and bottom docks from their tab's menu, and stay there. */
@ExtendWith(ApplicationExtension.class)
class ToolWindowDockTest {
    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private Stage stage;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = workbench(WorkbenchPrefs.load(dir.resolve("workbench.properties")));
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().dispose();
        workers.shutdownNow();
    }

    private WorkbenchView workbench(WorkbenchPrefs prefs) {
        WorkbenchViewModel vm = new WorkbenchViewModel(new Background(workers, Platform::runLater), prefs);
        return new WorkbenchView(vm, new RunController(vm));
    }

    private static TabPane dock(Node root, Dock dock) {
        return (TabPane) root.lookup("#" + dock.key() + "Dock");
    }

    private static boolean holds(TabPane dock, String toolWindow) {
        return dock != null && dock.getTabs().stream().map(Tab::getId).anyMatch((toolWindow + "Tab")::equals);
    }

    /**
     * What a right-click on the tab header does: the scene turns a popup-trigger press into a
     * context-menu request (Monocle's robot sets no popup trigger, so the request is sent here).
     */
    private static void requestContextMenu(FxRobot robot, String tabHeader) {
        Node header = robot.lookup(tabHeader).query();
        javafx.geometry.Point2D screen = header.localToScreen(5, 5);
        robot.interact(() -> header.fireEvent(new ContextMenuEvent(
                ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, screen.getX(), screen.getY(), false, null)));
    }

    @Test
    void moveToLeftFromTheTabMenuPersistsAcrossARestart(FxRobot robot) {
        assertThat(dock(view, Dock.LEFT)).as("an empty dock takes no room").isNull();
        assertThat(holds(dock(view, Dock.RIGHT), "roofline")).isTrue();

        requestContextMenu(robot, "#rooflineTab");
        robot.clickOn("Move to");
        robot.clickOn("Left");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(holds(dock(view, Dock.LEFT), "roofline")).isTrue();
        assertThat(dock(view, Dock.LEFT).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("rooflineTab");
        assertThat(holds(dock(view, Dock.RIGHT), "roofline")).isFalse();
        assertThat(view.tools().dock("roofline")).isEqualTo(Dock.LEFT);

        robot.interact(() -> view.tools().move("properties", Dock.BOTTOM));
        assertThat(dock(view, Dock.RIGHT))
                .as("the right dock, now empty, leaves")
                .isNull();
        assertThat(((SplitPane) view.lookup("#editorArea").getParent().getParent()).getItems())
                .hasSize(1);

        robot.interact(() -> {
            view.saveLayout(view.viewModel().prefs());
            assertThat(view.viewModel().prefs().save()).isTrue();
            view.viewModel().dispose();
            // a new session: preferences read again from the file
            view = workbench(WorkbenchPrefs.load(dir.resolve("workbench.properties")));
            stage.setScene(new Scene(view, 1500, 950));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(holds(dock(view, Dock.LEFT), "roofline")).isTrue();
        assertThat(holds(dock(view, Dock.BOTTOM), "properties")).isTrue();
        assertThat(dock(view, Dock.RIGHT)).isNull();
        assertThat(view.tools().dock("kernelStats")).isEqualTo(Dock.BOTTOM);
    }

    @Test
    void aHiddenToolWindowComesBackInTheDockItWasMovedTo(FxRobot robot) {
        robot.interact(() -> {
            view.tools().move("console", Dock.RIGHT);
            view.tools().show("console", false);
        });
        assertThat(holds(dock(view, Dock.RIGHT), "console")).isFalse();
        robot.interact(() -> view.tools().show("console", true));
        assertThat(holds(dock(view, Dock.RIGHT), "console")).isTrue();
        assertThat(holds(dock(view, Dock.BOTTOM), "console")).isFalse();
    }
}
