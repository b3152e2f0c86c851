package org.fusescope.app.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * Search Everywhere: one query over the kernels and ops of the run in front, the runs of every open
 * recording and the workbench's commands. Hits that start with the query come first, then those
 * that contain it; within each, commands, runs, kernels, ops, then by text. {@link #go} navigates to
 * the chosen hit or runs it. Use on the FX thread.
 */
public final class SearchEverywhereViewModel {
    /** The most hits listed. */
    public static final int MAX_HITS = 60;

    private final WorkbenchViewModel workbench;
    private final Supplier<List<Command>> commands;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();

    public SearchEverywhereViewModel(WorkbenchViewModel workbench, Supplier<List<Command>> commands) {
        this.workbench = workbench;
        this.commands = commands;
        query.addListener((obs, o, n) -> refresh());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The hits of the current query, best first. */
    public ObservableList<SearchHit> hits() {
        return hits;
    }

    /** Lists the hits of the current query again (the open runs may have changed). */
    public void refresh() {
        String needle = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        List<SearchHit> all = candidates();
        List<SearchHit> matching = new ArrayList<>();
        for (SearchHit h : all) {
            if (h.text().toLowerCase(Locale.ROOT).contains(needle)) {
                matching.add(h);
            }
        }
        matching.sort(Comparator.<SearchHit>comparingInt(
                        h -> h.text().toLowerCase(Locale.ROOT).startsWith(needle) ? 0 : 1)
                .thenComparing(SearchHit::kind)
                .thenComparing(SearchHit::text));
        hits.setAll(matching.subList(0, Math.min(MAX_HITS, matching.size())));
    }

    /** Runs the hit (navigates to a kernel, op or run; runs a command). */
    public void go(SearchHit hit) {
        if (hit != null) {
            hit.go().run();
        }
    }

    private List<SearchHit> candidates() {
        List<SearchHit> all = new ArrayList<>();
        for (Command c : commands.get()) {
            all.add(new SearchHit(SearchHit.Kind.COMMAND, c.name(), c.key(), c.action()));
        }
        for (Recording r : workbench.explorer().recordings()) {
            for (RunInfo run : r.runs()) {
                all.add(new SearchHit(SearchHit.Kind.RUN, run.name(), r.label(), () -> workbench.openRun(r, run.id())));
            }
        }
        OpenRun active = workbench.selection().activeRun();
        if (active != null) {
            TimelineColumns.Kernels kernels = active.timeline().columns().kernels();
            String where = active.info().name();
            for (String name : distinct(kernels.names(), kernels.strings())) {
                all.add(new SearchHit(
                        SearchHit.Kind.KERNEL, name, where, () -> workbench.showKernel(active, t -> t.find(name))));
            }
            for (String op : distinct(kernels.ops(), kernels.strings())) {
                all.add(new SearchHit(
                        SearchHit.Kind.OP, op, where, () -> workbench.showKernel(active, t -> t.findOp(op))));
            }
        }
        return all;
    }

    /** The strings that {@code ids} use (ids below 0 are none). */
    private static TreeSet<String> distinct(int[] ids, String[] strings) {
        boolean[] used = new boolean[strings.length];
        for (int id : ids) {
            if (id >= 0) {
                used[id] = true;
            }
        }
        TreeSet<String> out = new TreeSet<>();
        for (int s = 0; s < strings.length; s++) {
            if (used[s]) {
                out.add(strings[s]);
            }
        }
        return out;
    }
}
