package org.fusescope.app.stats;

import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/** Whether a label's text is cut off (shown with an ellipsis), and a tooltip with the whole text when it is. */
public final class ClippedText {
    private ClippedText() {}

    /** True when {@code label}'s text is wider than the room its padding leaves. */
    public static boolean clipped(Labeled label) {
        String text = label.getText();
        if (text == null || text.isEmpty() || label.getWidth() <= 0) {
            return false;
        }
        Text measure = new Text(text);
        measure.setFont(label.getFont());
        double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
        return measure.getLayoutBounds().getWidth() > room;
    }

    /** Gives {@code label} a tooltip with its whole text while that text is clipped, and none otherwise. */
    public static void tooltipWhenClipped(Labeled label) {
        if (!clipped(label)) {
            label.setTooltip(null);
        } else if (label.getTooltip() == null
                || !label.getText().equals(label.getTooltip().getText())) {
            label.setTooltip(new Tooltip(label.getText()));
        }
    }
}
