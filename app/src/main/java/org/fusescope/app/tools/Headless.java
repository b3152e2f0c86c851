package org.fusescope.app.tools;

/** Switches JavaFX to Monocle's headless glass and the software renderer (no display needed). */
public final class Headless {
    private Headless() {}

    /** Sets the system properties; call before the toolkit starts. */
    public static void use() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1600x1000-32"));
    }

    /** True when this JVM was told to render headless with Monocle ({@code -Dglass.platform=Monocle}). */
    public static boolean requested() {
        return "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    }

    /** True when there is no X display to open windows on. */
    public static boolean noDisplay() {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display == null || display.isBlank()) && (wayland == null || wayland.isBlank());
    }
}
