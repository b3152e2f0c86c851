package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a synthetic recording written by {@code synth}. */
class CommandsTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void writeRecording() {
        db = dir.resolve("tiny.sqlite");
        Cli.Result synth = Cli.run(
                "synth",
                db.toString(),
                "--preset",
                "tiny",
                "--batches",
                "1,16",
                "--variants",
                "unfused,fused",
                "--modes",
                "graph,eager",
                "--steps",
                "2");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        assertThat(synth.out()).contains("8 synthetic runs");
    }

    @Test
    void infoListsEveryRunMarkedSynthetic() {
        Cli.Result info = Cli.run("info", db.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("FuseScope recording", "unfused b=1 graph", "fused b=16 eager");
        assertThat(info.out().lines().filter(l -> l.endsWith("synthetic")).count())
                .isEqualTo(8);
    }

    @Test
    void reportPrintsEveryTableOfTheChosenRun() {
        Cli.Result report = Cli.run("report", db.toString(), "--run", "fused b=16 graph");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("== fused b=16 graph ==", "fused_add_rmsnorm", "Time (%)", "Med");
        assertThat(report.out()).doesNotContain("== unfused");
    }

    @Test
    void reportCsvIsOneParsableTableWithARunColumnForSeveralRuns() throws Exception {
        Cli.Result csv = Cli.run("report", db.toString(), "--run", "1,2", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.out()))
                .getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records.stream().map(r -> r.get("Run")).distinct()).hasSize(2);
        assertThat(records.stream().map(r -> r.get("Name"))).contains("rmsnorm_kernel", "fused_add_rmsnorm_kernel");
    }

    @Test
    void reportJsonHasEveryRunAndSection() throws Exception {
        Cli.Result json = Cli.run("report", db.toString(), "--format", "json", "--section", "summary,steps");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.size()).isEqualTo(8);
        assertThat(root.get("unfused b=1 graph").get("steps").size()).isEqualTo(2);
    }

    @Test
    void compareWithoutRunsPairsEachFusedRunWithItsUnfusedTwin() {
        Cli.Result compare = Cli.run("compare", db.toString(), "--section", "groups");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out())
                .contains("== unfused b=1 graph -> fused b=1 graph ==", "== unfused b=16 eager -> fused b=16 eager ==")
                .contains("add_rmsnorm", "FASTER");
        assertThat(compare.out().lines().filter(l -> l.startsWith("== ")).count())
                .isEqualTo(4);
    }

    @Test
    void compareAcrossTwoDatabasesWithNamedRuns() throws Exception {
        Path copy = dir.resolve("copy.sqlite");
        Files.copy(db, copy);
        Cli.Result compare = Cli.run("compare", db.toString(), copy.toString(), "--runs", "1,2", "--format", "json");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(compare.out());
        assertThat(root.fieldNames()).toIterable().containsExactly("unfused b=1 graph -> fused b=1 graph");
    }

    @Test
    void compareAcrossTwoDatabasesPairsFusedRunsOfTheSecondWithUnfusedRunsOfTheFirst() throws Exception {
        Path after = dir.resolve("after.sqlite");
        Files.copy(db, after);
        Cli.Result compare = Cli.run("compare", db.toString(), after.toString(), "--format", "json");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(compare.out());
        assertThat(root.fieldNames())
                .toIterable()
                .containsExactly(
                        "unfused b=1 graph -> fused b=1 graph",
                        "unfused b=1 eager -> fused b=1 eager",
                        "unfused b=16 graph -> fused b=16 graph",
                        "unfused b=16 eager -> fused b=16 eager");
        assertThat(root.get("unfused b=1 graph -> fused b=1 graph")
                        .get("groups")
                        .size())
                .isGreaterThan(5);
    }

    @Test
    void exportWritesChromeJsonAndEveryTableAsCsv() throws Exception {
        Path json = dir.resolve("trace.json");
        Cli.Result chrome = Cli.run("export", db.toString(), "--chrome", json.toString(), "--run", "3");
        assertThat(chrome.exitCode()).as(chrome.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("traceEvents").size())
                .isGreaterThan(10);

        Path csvDir = dir.resolve("csv");
        Cli.Result csv = Cli.run("export", db.toString(), "--csv", csvDir.toString());
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        try (Stream<Path> files = Files.list(csvDir)) {
            // 8 runs × 7 tables + 4 comparisons × 4 tables (verdicts, groups, step totals, checks)
            assertThat(files.count()).isEqualTo(8 * 7 + 4 * 4);
        }
        assertThat(csvDir.resolve("1-unfused-b-1-graph.summary.csv")).exists();
        assertThat(csvDir.resolve("compare-1-vs-2.verdicts.csv")).exists();
    }

    @Test
    void exportNeedsExactlyOneTarget() {
        Cli.Result none = Cli.run("export", db.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--chrome", "--csv");
    }

    @Test
    void exportNeverWritesOntoItsInput() throws Exception {
        Path copy = dir.resolve("input-copy.sqlite");
        Files.copy(db, copy);
        byte[] before = Files.readAllBytes(copy);
        Cli.Result onto = Cli.run("export", copy.toString(), "--chrome", copy.toString(), "--force");
        assertThat(onto.exitCode()).isEqualTo(1);
        assertThat(onto.err().lines()).hasSize(1);
        assertThat(onto.err()).contains(copy.toString()).contains("is the input");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
        Cli.Result csvOntoFile = Cli.run("export", copy.toString(), "--csv", copy.toString());
        assertThat(csvOntoFile.exitCode()).isEqualTo(1);
        assertThat(csvOntoFile.err()).contains(copy.toString()).contains("not a folder");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void exportReplacesAnExistingOutputOnlyWithForceAndLeavesNoPartFile() throws Exception {
        Path json = Files.writeString(dir.resolve("kept.json"), "precious");
        Cli.Result refused = Cli.run("export", db.toString(), "--chrome", json.toString(), "--run", "1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains(json.toString())
                .contains("already exists")
                .contains("--force");
        assertThat(Files.readString(json)).isEqualTo("precious");
        Cli.Result forced = Cli.run("export", db.toString(), "--chrome", json.toString(), "--run", "1", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("traceEvents").size())
                .isGreaterThan(10);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        Cli.Result noFolder = Cli.run(
                "export", db.toString(), "--chrome", dir.resolve("nope/x.json").toString());
        assertThat(noFolder.exitCode()).isEqualTo(1);
        assertThat(noFolder.err()).contains("nope").contains("does not exist");
    }
}
