package org.fusescope.app.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.console.ConsoleViewModel;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.SampleRecordings;
import org.fusescope.app.data.Selection;
import org.fusescope.app.experts.ExpertLoadViewModel;
import org.fusescope.app.explorer.RunsExplorerViewModel;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemItem;
import org.fusescope.app.problems.ProblemPlace;
import org.fusescope.app.problems.ProblemsViewModel;
import org.fusescope.app.properties.PropertiesViewModel;
import org.fusescope.app.roofline.RooflineViewModel;
import org.fusescope.app.stats.KernelStatsViewModel;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.RecordingChecks;

/**
 * The workbench's state: open recordings, editors (timelines and comparisons), the shared
 * selection, the tool windows' view models, status and pending work. Everything blocking runs
 * through {@link Background}. Use on the FX thread.
 */
public final class WorkbenchViewModel {
    private final RecordingService service = new RecordingService();
    private final Background background;
    private final WorkbenchPrefs prefs;
    private final Selection selection = new Selection();
    private final RunsExplorerViewModel explorer = new RunsExplorerViewModel();
    private final KernelStatsViewModel stats = new KernelStatsViewModel(selection);
    private final PropertiesViewModel properties = new PropertiesViewModel(selection);
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final ConsoleViewModel console = new ConsoleViewModel();
    private final ExpertLoadViewModel experts = new ExpertLoadViewModel(selection);
    private final RooflineViewModel roofline = new RooflineViewModel(selection);
    private final ObservableList<Object> editors = FXCollections.observableArrayList();
    private final ObjectProperty<Object> activeEditor = new SimpleObjectProperty<>(this, "activeEditor");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final IntegerProperty pending = new SimpleIntegerProperty(this, "pending");
    private final DoubleProperty editorWidth = new SimpleDoubleProperty(this, "editorWidth");
    private final ReadOnlyObjectWrapper<OpenRun> analysedRun = new ReadOnlyObjectWrapper<>(this, "analysedRun");
    private int analysisGeneration;
    private int analysedGeneration;
    private ProblemItem pendingFocus;

    public WorkbenchViewModel(Background background, WorkbenchPrefs prefs) {
        this.background = background;
        this.prefs = prefs;
        // the tool windows follow the editor in front: a timeline's run, a comparison's candidate
        activeEditor.addListener((obs, old, now) -> {
            if (now instanceof TimelineViewModel t) {
                selection.activeRunProperty().set(t.run());
            } else if (now instanceof CompareViewModel c) {
                selection.activeRunProperty().set(c.candidate());
            }
        });
        selection.activeRunProperty().addListener((obs, old, now) -> analyze(now));
    }

    /** Opens a trace database and its first run; {@code suffix} marks it (e.g. "(sample)"), or null. */
    public void open(Path file, String suffix) {
        open(file, suffix, recording -> {}, why -> {});
    }

    /**
     * As {@link #open(Path, String)}, then tells {@code opened} (or {@code failed}, with the reason)
     * on the FX thread.
     */
    public void open(Path file, String suffix, Consumer<Recording> opened, Consumer<String> failed) {
        if (suffix != null) {
            service.describe(file, suffix);
        }
        work("Opening " + file.getFileName(), () -> service.open(file), failed, recording -> {
            explorer.add(recording);
            problems.recordingOpened(recording);
            List<Long> runIds = recording.runs().stream().map(RunInfo::id).toList();
            work(
                    "Reading the problems and checks of " + recording.label(),
                    () -> RecordingChecks.read(recording.file(), runIds),
                    checks -> problems.recordingChecked(recording, checks));
            if (suffix == null) {
                prefs.addRecent(file);
                prefs.save();
            }
            console.append(
                    "opened " + recording.file() + ": " + recording.runs().size() + " runs");
            if (!recording.runs().isEmpty()) {
                openRun(recording, recording.runs().get(0).id());
            }
            opened.accept(recording);
        });
    }

    /** First start: the most recent file when there is one, else the bundled (or synthetic) sample. */
    public void openFirst() {
        Path recent = prefs.recentFiles().stream()
                .filter(p -> p.toFile().isFile())
                .findFirst()
                .orElse(null);
        if (recent != null) {
            open(recent, null);
            return;
        }
        openSample();
    }

    /** Opens the bundled H100 sample, or a generated synthetic recording when it is not bundled. */
    public void openSample() {
        work(
                "Preparing the sample recording",
                SampleRecordings::firstStart,
                sample -> open(sample.file(), sample.bundled() ? "(H100 sample)" : "(synthetic sample)"));
    }

    /**
     * Compares two runs: the first fused run with the unfused run of the same batch, mode and
     * layers (else the first two runs) of the first open recording that has two; with none open,
     * of the bundled sample, opened first.
     */
    public void compareTwoRuns() {
        for (Recording recording : explorer.recordings()) {
            if (recording.runs().size() >= 2) {
                compareFusionPair(recording);
                return;
            }
        }
        work(
                "Preparing the sample recording",
                SampleRecordings::firstStart,
                sample -> open(
                        sample.file(),
                        sample.bundled() ? "(H100 sample)" : "(synthetic sample)",
                        this::compareFusionPair,
                        why -> {}));
    }

    private void compareFusionPair(Recording recording) {
        List<RunInfo> runs = recording.runs();
        if (runs.size() < 2) {
            status.set(recording.label() + " has fewer than two runs to compare");
            return;
        }
        RunInfo baseline = runs.get(0);
        RunInfo candidate = runs.get(1);
        search:
        for (RunInfo fused : runs) {
            if (fused.variant().equals("fused")) {
                for (RunInfo unfused : runs) {
                    if (unfused.variant().equals("unfused")
                            && unfused.batch() == fused.batch()
                            && unfused.mode().equals(fused.mode())
                            && unfused.layers() == fused.layers()) {
                        baseline = unfused;
                        candidate = fused;
                        break search;
                    }
                }
            }
        }
        compare(recording, baseline.id(), recording, candidate.id());
    }

    /** Opens (or brings to front) the timeline of a run. */
    public void openRun(Recording recording, long runId) {
        openRun(recording, runId, t -> {});
    }

    /**
     * Brings the timeline of {@code run} to front (opening it when needed), then hands it to {@code
     * then}: Search Everywhere selects a kernel in it so.
     */
    public void showKernel(OpenRun run, Consumer<TimelineViewModel> then) {
        openRun(run.recording(), run.info().id(), then);
    }

    private void openRun(Recording recording, long runId, Consumer<TimelineViewModel> then) {
        for (Object e : editors) {
            if (e instanceof TimelineViewModel t
                    && t.run().recording().file().equals(recording.file())
                    && t.run().info().id() == runId) {
                activeEditor.set(t);
                then.accept(t);
                return;
            }
        }
        // The timeline draws from columns read first (of a large run, from an overview read for the plot
        // width a new editor gets); every other field loads behind it.
        double plotWidth = editorWidth.get() - TimelineLayout.HEADER;
        Supplier<OpenRun> load = plotWidth >= 1
                ? () -> service.loadTimeline(recording, runId, plotWidth)
                : () -> service.loadTimeline(recording, runId);
        work("Loading run " + runId + " of " + recording.label(), load, run -> {
            TimelineViewModel editor = new TimelineViewModel(run, selection);
            editors.add(editor);
            activeEditor.set(editor);
            then.accept(editor);
            applyPendingFocus();
            loadBehind(recording, run);
        });
    }

    /**
     * The GPU rows of a new editor are drawn (of a large run first from an overview); the run's
     * kernels follow, then its CPU-launch and range rows, then every other field.
     */
    private void loadBehind(Recording recording, OpenRun run) {
        String name = run.info().name();
        work("Loading kernels of " + name, () -> run.kernelTimeline().join(), kernels -> {
            refreshTimelines(run);
            work(
                    "Loading CPU and range rows of " + name,
                    () -> run.fullTimeline().join(),
                    all -> {
                        refreshTimelines(run);
                        properties.refresh();
                        work("Loading details of " + name, run::trace, trace -> {
                            problems.runLoaded(recording, trace);
                            properties.refresh();
                        });
                    });
        });
    }

    @SuppressWarnings("ReferenceEquality") // one OpenRun per loaded run
    private void refreshTimelines(OpenRun run) {
        for (Object e : editors) {
            if (e instanceof TimelineViewModel t && t.run() == run) {
                t.refreshTimeline();
            }
        }
    }

    /** Opens a compare editor of two runs (from one or two recordings). */
    public void compare(Recording baseline, long baselineId, Recording candidate, long candidateId) {
        work(
                "Comparing runs",
                () -> CompareViewModel.load(service, baseline, baselineId, candidate, candidateId, selection),
                vm -> {
                    editors.add(vm);
                    activeEditor.set(vm);
                });
    }

    /** Goes to a problem: opens its run and shows its place ({@link ProblemPlace}). */
    public void navigate(ProblemItem problem) {
        if (!problem.navigable()) {
            return;
        }
        // The run may still have to load: the focus is applied when its editor appears.
        pendingFocus = problem;
        openRun(problem.recording(), problem.runId());
        applyPendingFocus();
    }

    private void applyPendingFocus() {
        ProblemItem p = pendingFocus;
        if (p == null) {
            return;
        }
        for (Object e : editors) {
            if (e instanceof TimelineViewModel t
                    && t.run().recording().file().equals(p.recording().file())
                    && t.run().info().id() == p.runId()) {
                pendingFocus = null;
                work(
                        "Finding the place of " + p.code(),
                        () -> ProblemPlace.of(p, t.run().trace()),
                        place -> {
                            activeEditor.set(t);
                            t.window().focus((double) place.startNs(), (double) place.endNs());
                            t.select(place.kernel());
                            t.revisionProperty().set(t.revisionProperty().get() + 1);
                        });
            }
        }
    }

    /** Closes a recording and its editors. */
    public void close(Recording recording) {
        editors.removeIf(e ->
                e instanceof TimelineViewModel t && t.run().recording().file().equals(recording.file()));
        explorer.remove(recording);
        problems.recordingClosed(recording);
        work(
                "Closing " + recording.label(),
                () -> {
                    service.close(recording.file());
                    return recording;
                },
                r -> {});
    }

    private void analyze(OpenRun run) {
        int generation = ++analysisGeneration;
        if (run == null) {
            stats.show(null);
            analysedRun.set(null);
            return;
        }
        // the timing columns first, from the kernel columns: the full trace takes much longer to read
        work(
                "Summarizing the kernels of " + run.info().name(),
                () -> KernelStatsViewModel.summarizeTimes(run),
                times -> {
                    if (generation == analysisGeneration && analysedGeneration != generation) {
                        stats.show(times);
                    }
                });
        work(
                "Analysing " + run.info().name(),
                () -> {
                    // the full trace holds the reader for seconds: read the timeline's rows first
                    run.fullTimeline().exceptionally(failed -> null).join();
                    return new Object[] {
                        KernelStatsViewModel.summarize(run),
                        ExpertLoadViewModel.analyze(run),
                        RooflineViewModel.analyze(run)
                    };
                },
                results -> {
                    if (generation == analysisGeneration) {
                        analysedGeneration = generation;
                        stats.show((org.fusescope.profiler.analysis.ResultTable) results[0]);
                        experts.show(run, (org.fusescope.profiler.analysis.ExpertLoad) results[1]);
                        roofline.show(run, (org.fusescope.profiler.analysis.Roofline) results[2]);
                        analysedRun.set(run);
                    }
                });
    }

    private <T> void work(String what, Supplier<T> task, Consumer<T> done) {
        work(what, task, why -> {}, done);
    }

    /** Runs {@code task} in the background; a failure goes to Problems, the console and {@code failed}. */
    private <T> void work(String what, Supplier<T> task, Consumer<String> failed, Consumer<T> done) {
        pending.set(pending.get() + 1);
        status.set(what + " …");
        background.run(
                task,
                value -> {
                    pending.set(pending.get() - 1);
                    status.set(pending.get() == 0 ? "Ready" : status.get());
                    done.accept(value);
                },
                error -> {
                    pending.set(pending.get() - 1);
                    String message = String.valueOf(error.getMessage());
                    status.set(what + " failed: " + message);
                    problems.failed(what, message);
                    console.append("error: " + what + ": " + message);
                    failed.accept(message);
                });
    }

    /** The width (px) of the editor area: a new timeline editor's canvas gets it (the view keeps it up to date). */
    public DoubleProperty editorWidthProperty() {
        return editorWidth;
    }

    /**
     * The run that Kernel statistics, Expert load and Roofline show: the active run once its analyses
     * are in (until then the previous one), or null.
     */
    public ReadOnlyObjectProperty<OpenRun> analysedRunProperty() {
        return analysedRun.getReadOnlyProperty();
    }

    public Selection selection() {
        return selection;
    }

    public RunsExplorerViewModel explorer() {
        return explorer;
    }

    public KernelStatsViewModel stats() {
        return stats;
    }

    public PropertiesViewModel properties() {
        return properties;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public ConsoleViewModel console() {
        return console;
    }

    public ExpertLoadViewModel experts() {
        return experts;
    }

    public RooflineViewModel roofline() {
        return roofline;
    }

    public WorkbenchPrefs prefs() {
        return prefs;
    }

    public Background background() {
        return background;
    }

    public ObservableList<Object> editors() {
        return editors;
    }

    public ObjectProperty<Object> activeEditorProperty() {
        return activeEditor;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Background tasks still running; the status bar shows progress while it is above 0. */
    public IntegerProperty pendingProperty() {
        return pending;
    }

    /** Releases the readers. */
    public void dispose() {
        service.close();
    }
}
