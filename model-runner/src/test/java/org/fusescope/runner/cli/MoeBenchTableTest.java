package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench moe table of the bundled H100 sample: graph rows beside both anchors, eager rows without. */
class MoeBenchTableTest {
    @TempDir
    Path dir;

    @Test
    void graphRowsCompareTheFusedEventTimeWithBothAnchorsOfTheirBatch() {
        Path sample = Samples.copyTo(Samples.H100_MOE, dir);
        try (TraceReader reader = TraceReader.open(sample)) {
            List<String> lines = MoeBenchTable.markdown(reader);
            assertThat(lines.get(0))
                    .contains("LightLLM graph µs (H100, 2026-12-06)")
                    .contains("PyTorch graph µs (H100, 2026-12-06)");
            int columns = cells(lines.get(0)).length;
            List<String> rows = lines.subList(2, lines.size());
            assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
            int graphRows = 0;
            for (String row : rows) {
                String[] c = cells(row);
                assertThat(c).hasSize(columns);
                int m = Integer.parseInt(c[0]);
                if (c[1].equals("graph")) {
                    graphRows++;
                    double fused = Double.parseDouble(c[6].split(" / ")[1]);
                    double lightllm = MoeBenchTable.LIGHTLLM.us().get(m);
                    double pytorch = MoeBenchTable.PYTORCH.us().get(m);
                    assertThat(c[9]).isEqualTo(String.format(Locale.ROOT, "%.1f", lightllm));
                    assertThat(ratio(c[10])).isCloseTo(lightllm / fused, roundedFrom(lightllm, fused));
                    assertThat(c[11]).isEqualTo(String.format(Locale.ROOT, "%.1f", pytorch));
                    assertThat(ratio(c[12])).isCloseTo(pytorch / fused, roundedFrom(pytorch, fused));
                } else {
                    assertThat(c[9]).isEqualTo("–");
                    assertThat(c[11]).isEqualTo("–");
                }
            }
            assertThat(graphRows).isPositive();
        }
    }

    /** A cell like {@code 2.09×}, checked to have two decimals. */
    private static double ratio(String cell) {
        assertThat(cell).matches("\\d+\\.\\d{2}×");
        return Double.parseDouble(cell.substring(0, cell.length() - 1));
    }

    /** How far anchor / fused may be from the table's ratio: fused is printed to 0.1 µs, the ratio to 0.01. */
    private static Offset<Double> roundedFrom(double anchor, double fused) {
        return within(anchor * 0.05 / (fused * (fused - 0.05)) + 0.005 + 1e-9);
    }

    private static String[] cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        String[] c = inner.split("\\|");
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i].trim();
        }
        return c;
    }
}
