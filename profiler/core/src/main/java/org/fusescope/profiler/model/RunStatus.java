package org.fusescope.profiler.model;

import java.util.Locale;

/** Whether a run finished. A run is written as incomplete when it starts and completed when it ends. */
public enum RunStatus {
    COMPLETE,
    INCOMPLETE;

    /** The word stored in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored as this word. */
    public static RunStatus ofWord(String word) {
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }
}
