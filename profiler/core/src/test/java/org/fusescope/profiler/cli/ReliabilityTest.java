package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability catalogue of issue 17 against the command line (docs/reliability.md lists it and
 * what each case must do). Every case runs in its own folder and checks: the exit status, the number
 * of lines on stderr (one per error or warning), no stack trace, and that every file that was there
 * before is byte-for-byte unchanged. Cases that need a child JVM, a live reader or a GPU machine
 * have their own tests, named in docs/reliability.md.
 */
@Tag("reliability")
class ReliabilityTest {
    @TempDir
    Path root;

    private static final String KERNELS = "CUPTI_ACTIVITY_KIND_KERNEL";

    /** How a case prepares its folder; returns the command line, given the folder. */
    private interface Setup {
        String[] prepare(Path dir) throws Exception;
    }

    /** What a case must do beyond the common checks. */
    private interface Extra {
        void check(Path dir, Cli.Result result) throws Exception;
    }

    private record Case(String id, int exit, int errLines, String errContains, Setup setup, Extra extra) {}

    private static Case error(String id, String errContains, Setup setup) {
        return new Case(id, 1, 1, errContains, setup, (d, r) -> {});
    }

    private static Case fine(String id, int warnings, String errContains, Setup setup, Extra extra) {
        return new Case(id, 0, warnings, errContains, setup, extra);
    }

    private static Path golden(Path dir, String name, String... damage) throws Exception {
        return CraftedCopies.golden(dir.resolve(name), damage);
    }

    private static String[] args(Object... parts) {
        return Stream.of(parts).map(String::valueOf).toArray(String[]::new);
    }

    private static List<Case> catalogue() {
        List<Case> c = new ArrayList<>();
        // 1: an output onto the input is refused; the input keeps its bytes
        c.add(error("01 export --chrome onto its input", "input", d -> {
            Path x = golden(d, "x.sqlite");
            return args("export", x, "--chrome", x);
        }));
        // 4: 64-bit overflow in sums
        c.add(fine(
                "04 bytesRead 9e18 in report",
                0,
                "",
                d -> args(
                        "report",
                        golden(d, "b.sqlite", "UPDATE FS_KERNEL_ATTRIBUTION SET bytesRead = 9000000000000000000"),
                        "--format",
                        "json"),
                (d, r) -> assertThat(r.out())
                        .doesNotContainPattern("-\\d{13,}")
                        .doesNotContainPattern("-\\d\\.\\d+E\\d+")));
        c.add(fine(
                "04 kernel end 9e18 in report",
                0,
                "",
                d -> args(
                        "report",
                        golden(
                                d,
                                "e.sqlite",
                                "UPDATE " + KERNELS + " SET end = 9000000000000000000 WHERE rowid % 5 = 0"),
                        "--run",
                        "1"),
                (d, r) -> assertThat(r.out()).doesNotContainPattern("(?m)(^|\\s)-\\d")));
        c.add(fine(
                "04 bytesRead 9e18 in compare",
                0,
                "",
                d -> args(
                        "compare",
                        golden(d, "c.sqlite", "UPDATE FS_KERNEL_ATTRIBUTION SET bytesRead = 9000000000000000000"),
                        "--format",
                        "csv"),
                (d, r) -> assertThat(r.out()).doesNotContainPattern("-\\d{13,}")));
        // 5: damaged data is reported, one line each, and the sound rows still shown
        c.add(fine(
                "05 no kernel table",
                1,
                KERNELS + " is missing",
                d -> args(
                        "report", golden(d, "k.sqlite", "DROP TABLE " + KERNELS), "--run", "1", "--section", "summary"),
                (d, r) -> {}));
        c.add(fine(
                "05 no StringIds",
                1,
                "StringIds is missing",
                d -> args(
                        "report", golden(d, "s.sqlite", "DROP TABLE StringIds"), "--run", "1", "--section", "summary"),
                (d, r) -> {}));
        c.add(fine(
                "05 NULL shortName",
                1,
                KERNELS + ".shortName is NULL",
                d -> args(
                        "report",
                        golden(
                                d,
                                "n.sqlite",
                                CraftedCopies.then(
                                        CraftedCopies.withoutConstraints(KERNELS),
                                        "UPDATE " + KERNELS + " SET shortName = NULL WHERE rowid % 2 = 0")),
                        "--run",
                        "1"),
                (d, r) -> assertThat(r.out()).doesNotContain("cuDeviceGet")));
        c.add(fine(
                "05 NULL, text and negative starts",
                1,
                KERNELS + ".start is NULL, not an integer or negative",
                d -> args(
                        "info",
                        golden(
                                d,
                                "t.sqlite",
                                CraftedCopies.then(
                                        CraftedCopies.withoutConstraints(KERNELS),
                                        "UPDATE " + KERNELS + " SET start = NULL WHERE rowid % 7 = 0",
                                        "UPDATE " + KERNELS + " SET start = -5 WHERE rowid % 7 = 1",
                                        "UPDATE " + KERNELS + " SET start = 'x' WHERE rowid % 7 = 2"))),
                (d, r) -> {}));
        c.add(fine(
                "05 empty FS_RUNS",
                1,
                "FS_RUNS has no rows",
                d -> args("info", golden(d, "r.sqlite", "DELETE FROM FS_RUNS")),
                (d, r) -> {}));
        // 6: a newer schema is refused with the version this build reads
        c.add(error(
                "06 schema version 99",
                "schema version",
                d -> args(
                        "info",
                        golden(
                                d,
                                "v.sqlite",
                                "UPDATE META_DATA_EXPORT SET value = '99' WHERE name = 'FUSESCOPE_SCHEMA_VERSION'"))));
        // 7: an existing output is replaced only with --force
        c.add(error("07 export onto an existing file", "--force", d -> {
            Files.writeString(d.resolve("old.json"), "keep me");
            return args("export", golden(d, "g.sqlite"), "--chrome", d.resolve("old.json"));
        }));
        // 8: every error names the file and the problem
        c.add(error(
                "08 negative expert count",
                "FS_EXPERT_COUNTS.experts is -5",
                d -> args("report", golden(d, "x.sqlite", "UPDATE FS_EXPERT_COUNTS SET experts = -5"), "--run", "1")));
        c.add(error(
                "08 negative grid",
                "negative dimension",
                d -> args(
                        "report",
                        golden(d, "x.sqlite", "UPDATE " + KERNELS + " SET gridX = -494665728 WHERE rowid = 1"))));
        c.add(error(
                "08 export into a missing folder",
                "does not exist",
                d -> args(
                        "export",
                        golden(d, "g.sqlite"),
                        "--chrome",
                        d.resolve("nope").resolve("x.json"))));
        c.add(error("08 --csv onto a file", "is a file", d -> {
            Files.writeString(d.resolve("f"), "x");
            return args("export", golden(d, "g.sqlite"), "--csv", d.resolve("f"));
        }));
        // 9: impossible synth sizes are refused at once
        c.add(error(
                "09 synth --batches 2147483647",
                "--batches",
                d -> args("synth", d.resolve("s.sqlite"), "--batches", "2147483647")));
        // 10: a path is a literal file name
        c.add(fine(
                "10 synth 'v.sqlite?journal_mode=WAL'",
                0,
                "",
                d -> {
                    golden(d, "v.sqlite");
                    return args("synth", d.resolve("v.sqlite?journal_mode=WAL"), "--preset", "tiny", "--batches", "1");
                },
                (d, r) -> assertThat(d.resolve("v.sqlite?journal_mode=WAL")).exists()));
        // 11: terminal control characters are escaped, formula-like CSV cells neutralised
        c.add(fine(
                "11 escape sequences in a run name",
                0,
                "",
                d -> args(
                        "info",
                        golden(
                                d,
                                "e.sqlite",
                                "UPDATE FS_RUNS SET name = 'x' || char(27) || ']0;t' || char(7) || char(27) || '[2J'")),
                (d, r) -> assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007")));
        c.add(fine(
                "11 formula in a CSV cell",
                0,
                "",
                d -> args(
                        "report",
                        golden(
                                d,
                                "h.sqlite",
                                "UPDATE StringIds SET value = '=HYPERLINK(\"http://x\")' WHERE id = (SELECT shortName FROM "
                                        + KERNELS + " LIMIT 1)"),
                        "--run",
                        "1",
                        "--format",
                        "csv"),
                (d, r) -> assertThat(r.out()).doesNotContain(",=HYPERLINK")));
        // corrupt, truncated, not SQLite
        c.add(error("-- truncated database", "", d -> {
            Path t = d.resolve("t.sqlite");
            byte[] all = Files.readAllBytes(CraftedCopies.GOLDEN);
            Files.write(t, java.util.Arrays.copyOf(all, all.length / 3));
            return args("report", t);
        }));
        c.add(error("-- text named .sqlite", "not an SQLite database", d -> {
            Files.writeString(d.resolve("n.sqlite"), "notes", StandardCharsets.UTF_8);
            return args("info", d.resolve("n.sqlite"));
        }));
        c.add(error("-- missing file", "no such file", d -> args("info", d.resolve("missing.sqlite"))));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> catalogue_() {
        return catalogue().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c)));
    }

    private void run(Case c) throws Exception {
        Path dir = Files.createDirectories(root.resolve(c.id().replaceAll("[^A-Za-z0-9]+", "-")));
        String[] args = c.setup().prepare(dir);
        Map<Path, byte[]> before = snapshot(dir);
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as("exit status; stderr: %s", r.err()).isEqualTo(c.exit());
        assertThat(r.errLines()).as("lines on stderr: %s", r.err()).isEqualTo(c.errLines());
        assertThat(r.err())
                .as("stderr")
                .contains(c.errContains())
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        if (c.errLines() > 0) {
            assertThat(r.err().lines()).allSatisfy(line -> assertThat(line).startsWith("fusescope: "));
        }
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey()))
                    .as("bytes of %s", e.getKey())
                    .isEqualTo(e.getValue());
        }
        c.extra().check(dir, r);
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(f, Files.readAllBytes(f));
            }
        }
        return out;
    }
}
