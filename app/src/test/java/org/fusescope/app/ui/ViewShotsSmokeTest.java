package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fusescope.app.Golden;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.ScreenshotRequest;
import org.fusescope.app.workbench.Themes;
import org.fusescope.app.workbench.ViewShots;
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

/** {@code --screenshot DIR --view ...}: one PNG per view, headless under Monocle, on the golden recording. */
@ExtendWith(ApplicationExtension.class)
class ViewShotsSmokeTest {
    @TempDir
    static Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        vm = new WorkbenchViewModel(
                new Background(workers, Platform::runLater), WorkbenchPrefs.load(dir.resolve("prefs")));
        view = new WorkbenchView(vm, new RunController(vm));
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets()
                .add(WorkbenchView.class
                        .getResource("/org/fusescope/app/workbench.css")
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.open(Golden.file(), null);
    }

    @AfterEach
    void stop() {
        vm.dispose();
        workers.shutdownNow();
    }

    @Test
    void writesANonEmptyPngPerView(FxRobot robot) throws Exception {
        Path out = dir.resolve("views");
        List<String> views = List.of("timeline", "expert-load", "compare");
        AtomicInteger status = new AtomicInteger(-1);
        robot.interact(() -> ViewShots.arm(view, out, views, status::set));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.get() >= 0);
        assertThat(status.get()).isZero();
        for (String name : views) {
            Path png = out.resolve(name + ".png");
            assertThat(png).exists();
            assertThat(Files.size(png)).isGreaterThan(10_000);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(1500);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 5) {
                for (int x = 0; x < image.getWidth(); x += 5) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours)
                    .as(name + ": a rendered view, not a blank window")
                    .hasSizeGreaterThan(100);
        }
        assertThat(vm.selection().kernel())
                .as("the timeline view selects a kernel")
                .isNotNull();
    }

    @Test
    void parsesTheViewOptions() {
        ScreenshotRequest all = ScreenshotRequest.parse(List.of("--screenshot", "out", "--views", "db.sqlite"));
        assertThat(all.views()).isEqualTo(ViewShots.NAMES);
        assertThat(all.files()).containsExactly("db.sqlite");
        ScreenshotRequest some = ScreenshotRequest.parse(List.of("--screenshot", "out", "--view", "compare,roofline"));
        assertThat(some.views()).containsExactly("compare", "roofline");
        assertThat(ScreenshotRequest.parse(List.of("--screenshot", "a.png")).perView())
                .isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ScreenshotRequest.parse(List.of("--screenshot", "out", "--view", "nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown view");
    }
}
