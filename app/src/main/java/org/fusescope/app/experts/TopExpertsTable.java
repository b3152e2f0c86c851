package org.fusescope.app.experts;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The top routed experts of a layer and step: expert id, tokens, share of the routed tokens,
 * sortable by value; a click or Enter on a row asks to show it. Layout only.
 */
public final class TopExpertsTable extends TableView<ExpertShare> {
    private Consumer<ExpertShare> onShow = e -> {};

    public TopExpertsTable() {
        setId("expertTop");
        setPlaceholder(new Label("No routed tokens"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Expert", ExpertShare::expert, e -> String.valueOf(e.expert())));
        getColumns().add(column("Tokens", ExpertShare::count, e -> String.valueOf(e.count())));
        getColumns()
                .add(column("Share", ExpertShare::share, e -> String.format(Locale.ROOT, "%.1f %%", 100 * e.share())));
        setOnMouseClicked(e -> showSelected());
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                showSelected();
            }
        });
    }

    /** What a click or Enter on a row does with its expert. */
    public void setOnShow(Consumer<ExpertShare> onShow) {
        this.onShow = onShow;
    }

    private void showSelected() {
        ExpertShare chosen = getSelectionModel().getSelectedItem();
        if (chosen != null) {
            onShow.accept(chosen);
        }
    }

    /** A column sorting by {@code value} and showing {@code text}. */
    private static <T extends Comparable<T>> TableColumn<ExpertShare, ExpertShare> column(
            String title, Function<ExpertShare, T> value, Function<ExpertShare, String> text) {
        TableColumn<ExpertShare, ExpertShare> c = new TableColumn<>(title);
        c.setId(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setComparator((a, b) -> value.apply(a).compareTo(value.apply(b)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ExpertShare item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }
}
