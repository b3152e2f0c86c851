package org.fusescope.app.properties;

/** One line of the Properties tool window. Immutable. */
public record PropertyRow(String category, String name, String value) {}
