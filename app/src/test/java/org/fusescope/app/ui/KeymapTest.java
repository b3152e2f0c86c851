package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.app.fixtures.ShownWorkbench.waitFor;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Help → Keyboard shortcuts (F1) lists the accelerator of every registered menu command. */
class KeymapTest extends WorkbenchWindowTest {
    @Test
    void theKeymapListsEveryAcceleratorOfTheMenus(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> accelerators = bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .map(MenuItem::getAccelerator)
                .filter(a -> a != null)
                .map(a -> a.getDisplayText())
                .toList();
        assertThat(accelerators).hasSizeGreaterThanOrEqualTo(8);

        robot.type(KeyCode.F1);
        waitFor(() -> !robot.lookup("#keymap").queryAll().isEmpty());
        List<String> shown = robot.lookup("#keymap .label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        assertThat(shown).containsAll(accelerators);
        assertThat(shown).contains("Navigate → Search everywhere…", "Run → Compare runs…", "Shift, Shift");
    }
}
