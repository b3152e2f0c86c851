package org.fusescope.app.prefs;

import java.util.Locale;
import java.util.Optional;

/** Where a tool window is docked: beside the Runs explorer, right of the editors, or below them. */
public enum Dock {
    LEFT("Left"),
    RIGHT("Right"),
    BOTTOM("Bottom");

    private final String title;

    Dock(String title) {
        this.title = title;
    }

    /** The menu text: Left, Right, Bottom. */
    public String title() {
        return title;
    }

    /** The dock stored as {@code text} (e.g. {@code left}), or empty when there is none by that name. */
    public static Optional<Dock> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Dock d : values()) {
            if (d.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** How it is stored: {@code left}, {@code right}, {@code bottom}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
