package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.data.Recording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.Themes;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.fusescope.profiler.model.RunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The empty workbench's welcome page, headless under Monocle: every link does what it says (the
 * bundled sample, the compare editor, the run dialog, the keymap, getting started), record is off
 * without a GPU with the reason, and the page goes when an editor opens and comes back when the
 * last one closes.
 */
class WelcomePageTest extends FxRobot {
    private static final String NO_GPU = "No NVIDIA GPU here: libcuda.so.1 is not on any library path.";

    @TempDir
    Path config;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Stage stage;

    private void workbench(Optional<String> whyNoGpu) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Themes.apply(false);
            vm = new WorkbenchViewModel(
                    new Background(workers, Platform::runLater), WorkbenchPrefs.load(config.resolve("prefs")));
            // the run command is never started here: record only opens the dialog
            view = new WorkbenchView(vm, new RunController(vm, whyNoGpu, args -> List.of("false")));
            s.setScene(new Scene(view, 1400, 900));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupStage(s -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != s && w instanceof Stage other) {
                    other.close();
                }
            }
        });
        if (vm != null) {
            vm.dispose();
        }
        workers.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Hyperlink link(String id) {
        return lookup("#" + id).queryAs(Hyperlink.class);
    }

    @Test
    void theEmptyWorkbenchShowsEveryLinkAndSaysWhyRecordIsOff() throws Exception {
        workbench(Optional.of(NO_GPU));
        assertThat(lookup("#welcome").query().isVisible()).isTrue();
        assertThat(List.of(
                        "welcomeSample",
                        "welcomeOpen",
                        "welcomeRecord",
                        "welcomeCompare",
                        "welcomeKeymap",
                        "welcomeGettingStarted"))
                .allSatisfy(id -> assertThat(link(id).isVisible()).as(id).isTrue());
        assertThat(link("welcomeSample").isDisabled()).isFalse();
        assertThat(link("welcomeRecord").isDisabled())
                .as("no GPU: record is off")
                .isTrue();
        assertThat(lookup("#welcomeRecordWhy").queryAs(Label.class).getText())
                .startsWith("Disabled: " + NO_GPU)
                .contains("fusescope run on a GPU host");
        // the tool windows' tables say what to do, not JavaFX's "No columns in table"
        Node placeholder = lookup("#kernelStatsTable").queryAs(TableView.class).getPlaceholder();
        assertThat(((Label) placeholder).getText()).contains("open a run");
    }

    @Test
    void theSampleLinkOpensTheSampleAndThePageComesBackWhenItCloses() throws Exception {
        workbench(Optional.of(NO_GPU));
        clickOn("#welcomeSample");
        waitFor(() -> !vm.editors().isEmpty() && vm.pendingProperty().get() == 0);
        assertThat(vm.editors().get(0)).isInstanceOf(TimelineViewModel.class);
        Recording sample = vm.explorer().recordings().get(0);
        assertThat(sample.label()).contains("sample");
        assertThat(lookup("#welcome").query().isVisible())
                .as("an editor is open")
                .isFalse();

        interact(() -> vm.close(sample));
        waitFor(() -> vm.editors().isEmpty());
        assertThat(lookup("#welcome").query().isVisible())
                .as("nothing open again")
                .isTrue();
    }

    @Test
    void theCompareLinkComparesTheSamplesUnfusedAndFusedRuns() throws Exception {
        workbench(Optional.of(NO_GPU));
        clickOn("#welcomeCompare");
        waitFor(() -> vm.editors().stream().anyMatch(CompareViewModel.class::isInstance)
                && vm.pendingProperty().get() == 0);
        CompareViewModel compare = (CompareViewModel) vm.editors().stream()
                .filter(CompareViewModel.class::isInstance)
                .findFirst()
                .orElseThrow();
        RunInfo baseline = compare.baseline().info();
        RunInfo candidate = compare.candidate().info();
        assertThat(baseline.variant()).isEqualTo("unfused");
        assertThat(candidate.variant()).isEqualTo("fused");
        assertThat(candidate.batch()).isEqualTo(baseline.batch());
        assertThat(candidate.mode()).isEqualTo(baseline.mode());
        assertThat(vm.activeEditorProperty().get()).isSameAs(compare);
    }

    @Test
    void theRecordLinkOpensTheRunDialogWhereAGpuIsFound() throws Exception {
        workbench(Optional.empty());
        assertThat(link("welcomeRecord").isDisabled()).isFalse();
        assertThat(lookup("#welcomeRecordWhy").tryQuery()).isEmpty();
        clickOn("#welcomeRecord");
        waitFor(() -> lookup("#runOut").tryQuery().isPresent());
        assertThat(lookup("#runNoGpu").tryQuery().map(Node::isVisible)).hasValue(false);
    }

    @Test
    void theKeymapLinkListsTheMenusAndTheTimelinesKeys() throws Exception {
        workbench(Optional.of(NO_GPU));
        clickOn("#welcomeKeymap");
        waitFor(() -> lookup("#keymap").tryQuery().isPresent());
        List<String> texts = lookup("#keymap").queryAs(GridPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText())
                .toList();
        assertThat(texts).contains("Ctrl+O", "File → Open…", "Ctrl+D", "Run → Compare runs…", "W / S");
        assertThat(texts).contains("F1", "Help → Keyboard shortcuts");
    }

    @Test
    void theGettingStartedLinkShowsDocsGettingStarted() throws Exception {
        workbench(Optional.of(NO_GPU));
        clickOn("#welcomeGettingStarted");
        waitFor(() -> lookup("#gettingStarted").tryQuery().isPresent());
        String shown = lookup("#gettingStarted").queryAs(TextArea.class).getText();
        assertThat(shown)
                .as("the text of docs/getting-started.md")
                .isEqualTo(
                        Files.readString(Path.of(System.getProperty("user.dir"), "..", "docs", "getting-started.md")));
        assertThat(shown).contains("fusescope --help");
    }
}
