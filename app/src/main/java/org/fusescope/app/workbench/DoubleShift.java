package org.fusescope.app.workbench;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Shift pressed and released twice in a row, with no other key between and within {@link #WINDOW_MS}
 * ms: the gesture that opens Search Everywhere. A key-event filter.
 */
final class DoubleShift implements EventHandler<KeyEvent> {
    /** The most milliseconds between the two Shift releases. */
    static final long WINDOW_MS = 400;

    private final Runnable action;
    private long lastShiftReleaseMs = Long.MIN_VALUE / 2;

    DoubleShift(Runnable action) {
        this.action = action;
    }

    @Override
    public void handle(KeyEvent e) {
        if (e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() != KeyCode.SHIFT) {
            lastShiftReleaseMs = Long.MIN_VALUE / 2; // Shift+X is no half of the gesture
        } else if (e.getEventType() == KeyEvent.KEY_RELEASED && e.getCode() == KeyCode.SHIFT) {
            released(System.currentTimeMillis());
        }
    }

    /** A Shift release at {@code nowMs}; true when it completed the gesture (and ran the action). */
    boolean released(long nowMs) {
        if (nowMs - lastShiftReleaseMs <= WINDOW_MS) {
            lastShiftReleaseMs = Long.MIN_VALUE / 2;
            action.run();
            return true;
        }
        lastShiftReleaseMs = nowMs;
        return false;
    }
}
