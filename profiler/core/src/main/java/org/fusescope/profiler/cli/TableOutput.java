package org.fusescope.profiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.CsvTableRenderer;
import org.fusescope.profiler.analysis.JsonTableRenderer;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.TextTableRenderer;

/** Prints sections as aligned text, one CSV table, or one JSON object keyed by subject and table. */
final class TableOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableOutput() {}

    static void print(PrintWriter out, OutputFormat format, List<Section> sections) {
        switch (format) {
            case TABLE -> printText(out, sections);
            case CSV -> out.print(CsvTableRenderer.render(asOneTable(sections)));
            case JSON -> out.println(asJson(sections));
        }
        out.flush();
    }

    private static void printText(PrintWriter out, List<Section> sections) {
        String subject = null;
        for (Section section : sections) {
            if (!section.subject().equals(subject)) {
                subject = section.subject();
                out.println("== " + subject + " ==");
                out.println();
            }
            out.println(TextTableRenderer.render(section.table()));
        }
    }

    /** CSV holds one table: sections of one kind from several subjects get a leading subject column. */
    private static ResultTable asOneTable(List<Section> sections) {
        if (sections.stream().map(Section::key).distinct().count() > 1) {
            throw new IllegalArgumentException("CSV holds one table; choose one with --section ("
                    + String.join(
                            ", ", sections.stream().map(Section::key).distinct().toList())
                    + ") or write them all with 'fusescope export DB --csv DIR'");
        }
        if (sections.size() == 1) {
            return sections.get(0).table();
        }
        ResultTable first = sections.get(0).table();
        ResultTable.Builder merged = ResultTable.builder(first.title()).column(Column.text("Run"));
        first.columns().forEach(merged::column);
        for (Section section : sections) {
            for (List<Object> row : section.table().rows()) {
                Object[] values = new Object[row.size() + 1];
                values[0] = section.subject();
                for (int i = 0; i < row.size(); i++) {
                    values[i + 1] = row.get(i);
                }
                merged.row(values);
            }
        }
        return merged.build();
    }

    private static String asJson(List<Section> sections) {
        ObjectNode root = JSON.createObjectNode();
        try {
            for (Section section : sections) {
                ObjectNode subject = root.has(section.subject())
                        ? (ObjectNode) root.get(section.subject())
                        : root.putObject(section.subject());
                subject.set(section.key(), JSON.readTree(JsonTableRenderer.render(section.table())));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the tables as JSON", e);
        }
    }
}
