package org.fusescope.app.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fusescope.app.prefs.WorkbenchPrefs;

/**
 * The JavaFX application: builds the workbench window, restores preferences, opens the files given
 * (or the most recent file, or the sample), and stores preferences on exit. With {@code
 * --screenshot FILE} it writes a PNG of the window once everything is loaded and exits; with {@code
 * --screenshot DIR --views} one PNG per view ({@link ViewShots}).
 */
public final class WorkbenchApp extends Application {
    private ExecutorService workers;
    private WorkbenchViewModel vm;
    private WorkbenchView view;
    private Stage stage;
    private static volatile boolean constructed;
    private static volatile Consumer<WorkbenchView> benchmark;

    /** JavaFX constructs the application only once its toolkit has started. */
    public WorkbenchApp() {
        constructed = true;
    }

    /**
     * Runs the workbench on {@code file} for {@code bench-ui}: the user's preferences are neither read
     * nor written, and {@code shown} gets the view on the FX thread as soon as the window is shown,
     * before the file is opened. Returns when the toolkit exits.
     */
    public static void launchForBenchmark(Path file, Consumer<WorkbenchView> shown) {
        benchmark = shown;
        Application.launch(WorkbenchApp.class, file.toString());
    }

    /**
     * True once the toolkit has started in this JVM: a failure after that is the workbench's own,
     * not a missing display.
     */
    public static boolean toolkitStarted() {
        return constructed;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        List<String> args = getParameters().getRaw();
        boolean screenshot = !args.isEmpty() && args.get(0).equals("--screenshot");
        ScreenshotRequest shots = screenshot ? ScreenshotRequest.parse(args) : null;
        // view screenshots use the default layout and theme, whatever this user stored
        WorkbenchPrefs prefs = shots != null && shots.perView()
                ? WorkbenchPrefs.load(Path.of(System.getProperty("java.io.tmpdir"), "fusescope-view-shots.properties"))
                : benchmark != null
                        ? WorkbenchPrefs.load(
                                Path.of(System.getProperty("java.io.tmpdir"), "fusescope-bench-ui.properties"))
                        : WorkbenchPrefs.load();
        Themes.darkProperty().set(prefs.darkTheme());
        Themes.apply(prefs.darkTheme());
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fusescope-background");
            t.setDaemon(true);
            return t;
        });
        vm = new WorkbenchViewModel(new Background(workers, Platform::runLater), prefs);
        view = new WorkbenchView(vm, new RunController(vm));
        Scene scene = new Scene(view, prefs.number("window.width", 1500), prefs.number("window.height", 950));
        scene.getStylesheets()
                .add(WorkbenchApp.class
                        .getResource("/org/fusescope/app/workbench.css")
                        .toExternalForm());
        primaryStage.setTitle("FuseScope");
        primaryStage.setScene(scene);
        primaryStage.show();
        if (benchmark != null) {
            benchmark.accept(view);
        }
        List<String> files = screenshot ? shots.files() : args;
        if (files.isEmpty()) {
            if (screenshot) {
                vm.openSample();
            } else {
                vm.openFirst();
            }
        } else {
            files.forEach(f -> vm.open(Path.of(f), null));
        }
        if (shots != null && shots.perView()) {
            ViewShots.arm(view, shots.target(), shots.views(), status -> {
                ScreenshotWhenReady.exitCode = status;
                Platform.exit();
            });
        } else if (shots != null) {
            ScreenshotWhenReady.arm(vm, scene, shots.target());
        }
    }

    /** Exit status of a {@code --screenshot} run: 0 when the PNG was written. */
    public static int screenshotExitCode() {
        return ScreenshotWhenReady.exitCode();
    }

    @Override
    public void stop() {
        if (vm != null
                && stage != null
                && benchmark == null
                && !getParameters().getRaw().contains("--screenshot")) {
            view.saveLayout(vm.prefs());
            vm.prefs().setDarkTheme(Themes.darkProperty().get());
            vm.prefs().setNumber("window.width", stage.getWidth());
            vm.prefs().setNumber("window.height", stage.getHeight());
            vm.prefs().save();
        }
        if (vm != null) {
            vm.dispose();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
