package org.fusescope.profiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;
import org.fusescope.profiler.analysis.TextTableRenderer;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader and every analysis on the golden databases, against the committed expected dumps. */
class GoldenTest {
    @BeforeAll
    static void regenerate() throws Exception {
        GoldenFiles.regenerateDatabasesIfAsked();
    }

    @Test
    void readerOnTheRecording() throws Exception {
        try (TraceReader reader = TraceReader.open(GoldenFiles.RECORDING)) {
            assertThat(reader.runs()).hasSize(8);
            GoldenFiles.assertMatches("recording.reader.txt", TraceDump.of(reader));
        }
    }

    @Test
    void readerOnTheNsysExport() throws Exception {
        try (TraceReader reader = TraceReader.open(GoldenFiles.NSYS)) {
            assertThat(reader.isNsysExport()).isTrue();
            GoldenFiles.assertMatches("nsys-export.reader.txt", TraceDump.of(reader));
        }
    }

    @Test
    void theCommittedRecordingIsWhatTheGeneratorAndWriterMakeToday(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("fresh.sqlite");
        GoldenFiles.writeRecording(fresh);
        try (TraceReader committed = TraceReader.open(GoldenFiles.RECORDING);
                TraceReader made = TraceReader.open(fresh)) {
            assertThat(TraceDump.of(made)).isEqualTo(TraceDump.of(committed));
            for (RunInfo run : committed.runs()) {
                assertThat(made.load(run.id())).isEqualTo(committed.load(run.id()));
            }
        }
    }

    @Test
    void everyAnalysisOfEveryRun() throws Exception {
        for (Path db : List.of(GoldenFiles.RECORDING, GoldenFiles.NSYS)) {
            try (TraceReader reader = TraceReader.open(db)) {
                for (RunInfo run : reader.runs()) {
                    String name = db.getFileName().toString().replace(".sqlite", "") + "." + run.id() + ".analyses.txt";
                    GoldenFiles.assertMatches(name, render(AnalysisTables.forRun(reader.load(run.id()), 16)));
                }
            }
        }
    }

    @Test
    void everyComparisonOfFusedAgainstUnfused() throws Exception {
        try (TraceReader reader = TraceReader.open(GoldenFiles.RECORDING)) {
            List<RunTrace> runs = new ArrayList<>();
            for (RunInfo run : reader.runs()) {
                runs.add(reader.load(run.id()));
            }
            int pairs = 0;
            for (RunTrace fused : runs) {
                for (RunTrace unfused : runs) {
                    if (fused.run().variant().equals("fused")
                            && unfused.run().variant().equals("unfused")
                            && fused.run().batch() == unfused.run().batch()
                            && fused.run().mode().equals(unfused.run().mode())) {
                        String name = "recording.compare-" + unfused.run().id() + "-"
                                + fused.run().id() + ".txt";
                        GoldenFiles.assertMatches(
                                name, render(AnalysisTables.forComparison(RunComparison.of(unfused, fused))));
                        pairs++;
                    }
                }
            }
            assertThat(pairs).isEqualTo(4);
        }
    }

    private static String render(Map<String, ResultTable> tables) {
        StringBuilder out = new StringBuilder();
        tables.forEach((key, table) -> out.append("[")
                .append(key)
                .append("]\n")
                .append(TextTableRenderer.render(table))
                .append('\n'));
        return out.toString();
    }
}
