package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static ResultTable table() {
        return ResultTable.builder("Demo")
                .column(Column.text("Name"))
                .column(Column.integer("Count"))
                .column(Column.durationNs("Total"))
                .column(Column.durationNs("Avg"))
                .column(Column.bytes("Bytes"))
                .column(Column.decimal("Rate", "GB/s"))
                .column(Column.percent("Share"))
                .row("fused, \"quoted\"", 3, 1_234_567L, 2500.25, 1_048_576L, 1234.5, 62.5)
                .row("k", 12, 5L, 5.0, null, Double.NaN, 0.125)
                .build();
    }

    @Test
    void textIsAlignedAndLocaleIndependent() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String expected =
                    """
                    Demo

                    Name             Count  Total (ns)  Avg (ns)  Bytes (B)  Rate (GB/s)  Share (%)
                    ---------------  -----  ----------  --------  ---------  -----------  ---------
                    fused, "quoted"      3   1,234,567   2,500.3  1,048,576     1,234.50       62.5
                    k                   12           5       5.0                                0.1
                    """;
            assertThat(TextTableRenderer.render(table())).isEqualTo(expected);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void smallDoublesUseScientificNotation() {
        assertThat(TextTableRenderer.format(ColumnKind.DOUBLE, 3.0e-7)).isEqualTo("3.000e-07");
        assertThat(TextTableRenderer.format(ColumnKind.DOUBLE, 0.0)).isEqualTo("0.00");
    }

    @Test
    void csvParsesBackToTheSameValues() throws Exception {
        String csv = CsvTableRenderer.render(table());
        assertThat(csv).startsWith("Name,Count,Total (ns),Avg (ns),Bytes (B),Rate (GB/s),Share (%)\n");
        CSVFormat format = CsvTableRenderer.FORMAT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            CSVRecord first = records.get(0);
            assertThat(first.get("Name")).isEqualTo("fused, \"quoted\"");
            assertThat(Long.parseLong(first.get("Count"))).isEqualTo(3);
            assertThat(Long.parseLong(first.get("Total (ns)"))).isEqualTo(1_234_567L);
            assertThat(Double.parseDouble(first.get("Avg (ns)"))).isEqualTo(2500.25);
            assertThat(Long.parseLong(first.get("Bytes (B)"))).isEqualTo(1_048_576L);
            assertThat(Double.parseDouble(first.get("Rate (GB/s)"))).isEqualTo(1234.5);
            assertThat(Double.parseDouble(first.get("Share (%)"))).isEqualTo(62.5);
            CSVRecord second = records.get(1);
            assertThat(second.get("Bytes (B)")).isEmpty();
            assertThat(second.get("Rate (GB/s)")).isEmpty();
            assertThat(Double.parseDouble(second.get("Share (%)"))).isEqualTo(0.125);
        }
    }

    @Test
    void csvNeverUsesExponentNotation() {
        assertThat(CsvTableRenderer.raw(1.5e12)).isEqualTo("1500000000000");
        assertThat(CsvTableRenderer.raw(1e-7)).isEqualTo("0.0000001");
        assertThat(CsvTableRenderer.raw(2.0)).isEqualTo("2");
        assertThat(CsvTableRenderer.raw(Double.NaN)).isEmpty();
        assertThat(CsvTableRenderer.raw(42L)).isEqualTo("42");
    }

    @Test
    void jsonParsesBackToObjectsKeyedByColumnName() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonTableRenderer.render(table()));
        assertThat(root.isArray()).isTrue();
        assertThat(root).hasSize(2);
        JsonNode first = root.get(0);
        assertThat(first.get("Name").asText()).isEqualTo("fused, \"quoted\"");
        assertThat(first.get("Total").isIntegralNumber()).isTrue();
        assertThat(first.get("Total").asLong()).isEqualTo(1_234_567L);
        assertThat(first.get("Avg").asDouble()).isEqualTo(2500.25);
        assertThat(first.get("Share").asDouble()).isEqualTo(62.5);
        List<String> keys = List.copyOf(iterable(first));
        assertThat(keys).containsExactly("Name", "Count", "Total", "Avg", "Bytes", "Rate", "Share");
        assertThat(root.get(1).get("Bytes").isNull()).isTrue();
        assertThat(root.get(1).get("Rate").isNull()).isTrue();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void tableRejectsValuesOfTheWrongKindAndShortRows() {
        ResultTable.Builder wrongKind =
                ResultTable.builder("t").column(Column.bytes("B")).row(1.5);
        assertThatThrownBy(wrongKind::build).isInstanceOf(IllegalArgumentException.class);
        ResultTable.Builder shortRow = ResultTable.builder("t")
                .column(Column.text("A"))
                .column(Column.text("B"))
                .row("x");
        assertThatThrownBy(shortRow::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvTextThatASpreadsheetWouldRunIsNeutralizedButNumbersStayNumbers() throws Exception {
        ResultTable t = ResultTable.builder("names")
                .column(Column.text("Name"))
                .column(Column.decimal("Delta", "%"))
                .row("=HYPERLINK(\"http://x\",\"y\")", -3.5)
                .row("@SUM(A1)", 1.0)
                .row("+1", 2.0)
                .row("grouped_gemm1", 3.0)
                .build();
        var records = CsvTableRenderer.FORMAT
                .parse(new java.io.StringReader(CsvTableRenderer.render(t)))
                .getRecords();
        assertThat(records.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(records.get(1).get(1)).isEqualTo("-3.5");
        assertThat(records.get(2).get(0)).isEqualTo("'@SUM(A1)");
        assertThat(records.get(3).get(0)).isEqualTo("'+1");
        assertThat(records.get(4).get(0)).isEqualTo("grouped_gemm1");
    }
}
