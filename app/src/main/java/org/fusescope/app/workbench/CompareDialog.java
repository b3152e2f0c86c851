package org.fusescope.app.workbench;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.fusescope.app.data.Recording;
import org.fusescope.app.explorer.RunsExplorerViewModel;
import org.fusescope.app.explorer.RunsExplorerViewModel.RunNode;
import org.fusescope.profiler.model.RunInfo;

/** Chooses two runs, from any open recordings, to compare. Layout only. */
final class CompareDialog extends Dialog<List<RunNode>> {
    CompareDialog(RunsExplorerViewModel explorer) {
        setTitle("Compare runs");
        List<RunNode> all = new ArrayList<>();
        for (Recording r : explorer.recordings()) {
            for (RunInfo run : r.runs()) {
                all.add(new RunNode(r, run));
            }
        }
        ComboBox<RunNode> baseline = combo(all, "compareBaseline");
        ComboBox<RunNode> candidate = combo(all, "compareCandidate");
        if (all.size() >= 2) {
            baseline.getSelectionModel().select(0);
            candidate.getSelectionModel().select(1);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Baseline"), baseline);
        grid.addRow(1, new Label("Candidate"), candidate);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(baseline.valueProperty()
                        .isNull()
                        .or(candidate.valueProperty().isNull()));
        setResultConverter(b -> b == ButtonType.OK ? List.of(baseline.getValue(), candidate.getValue()) : null);
    }

    private static ComboBox<RunNode> combo(List<RunNode> runs, String id) {
        ComboBox<RunNode> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(runs);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunNode n) {
                return n == null ? "" : n.run().name() + " — " + n.recording().label();
            }

            @Override
            public RunNode fromString(String s) {
                return null;
            }
        });
        return c;
    }
}
