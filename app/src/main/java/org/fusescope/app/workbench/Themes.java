package org.fusescope.app.workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light and dark themes from AtlantaFX (Primer), switched for the whole application. */
public final class Themes {
    private static final BooleanProperty DARK = new SimpleBooleanProperty(false);

    static {
        DARK.addListener((obs, o, dark) -> apply(dark));
    }

    private Themes() {}

    /** True while the dark theme is on; set it to switch. */
    public static BooleanProperty darkProperty() {
        return DARK;
    }

    /** Installs the theme (on the FX thread). */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
