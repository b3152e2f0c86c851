package org.fusescope.app.workbench;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons of the workbench, from Ikonli's Material Design pack. Stateless. */
public final class Icons {
    private Icons() {}

    /** A 16 px icon node. */
    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(16);
        icon.getStyleClass().add("fs-icon");
        return icon;
    }
}
