package org.fusescope.app.workbench;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The Search Everywhere popup: a query field over the list of hits; Up/Down pick one, Enter (or a
 * double-click) goes to it, Escape closes. Layout and key wiring only; the search is {@link
 * SearchEverywhereViewModel}.
 */
final class SearchEverywherePopup extends Popup {
    private final SearchEverywhereViewModel vm;
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();

    SearchEverywherePopup(SearchEverywhereViewModel vm) {
        this.vm = vm;
        field.setId("searchEverywhereField");
        field.setPromptText("Search kernels, ops, runs and commands");
        field.textProperty().bindBidirectional(vm.queryProperty());
        list.setId("searchEverywhereList");
        list.setItems(vm.hits());
        list.setPrefSize(640, 360);
        vm.hits().addListener((ListChangeListener<SearchHit>) c -> {
            if (!vm.hits().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                go();
            }
        });
        VBox box = new VBox(6, field, list);
        box.setId("searchEverywhere");
        box.setStyle("-fx-padding: 8; -fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 12, 0, 0, 4);");
        getContent().add(box);
        setAutoHide(true);
        setHideOnEscape(true);
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER -> go();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int by) {
        int i = list.getSelectionModel().getSelectedIndex() + by;
        if (i >= 0 && i < list.getItems().size()) {
            list.getSelectionModel().select(i);
            list.scrollTo(i);
        }
    }

    private void go() {
        SearchHit hit = list.getSelectionModel().getSelectedItem();
        hide();
        vm.go(hit);
    }

    /** Shows the popup near the top of {@code owner}, centred, with the query selected. */
    void open(Window owner) {
        vm.refresh();
        show(owner, owner.getX() + (owner.getWidth() - list.getPrefWidth()) / 2, owner.getY() + 80);
        field.requestFocus();
        field.selectAll();
    }
}
