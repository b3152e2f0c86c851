package org.fusescope.app.properties;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.PropertySheet;

/** The Properties tool window: a ControlsFX property sheet of the view model's rows. Layout only. */
public final class PropertiesView extends BorderPane {
    public PropertiesView(PropertiesViewModel vm) {
        PropertySheet sheet = new PropertySheet();
        sheet.setId("propertySheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        Runnable fill =
                () -> sheet.getItems().setAll(vm.rows().stream().map(Item::new).toList());
        vm.rows().addListener((ListChangeListener<PropertyRow>) change -> fill.run());
        fill.run();
        setCenter(sheet);
    }

    private static final class Item implements PropertySheet.Item {
        private final PropertyRow row;

        Item(PropertyRow row) {
            this.row = row;
        }

        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return row.category();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.value();
        }

        @Override
        public Object getValue() {
            return row.value();
        }

        @Override
        public void setValue(Object value) {
            // read-only: what was recorded cannot be edited
        }

        @Override
        public boolean isEditable() {
            return false;
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
