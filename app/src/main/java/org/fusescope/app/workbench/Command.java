package org.fusescope.app.workbench;

/**
 * One command of the workbench as its menus register it: where it is ({@code Run → Compare runs…}),
 * its key ({@code Ctrl+D}, or empty) and what it does. The keymap and Search Everywhere list these.
 *
 * @param name the menu path of the command
 * @param key the accelerator as the platform shows it, or empty
 * @param action runs the command
 */
public record Command(String name, String key, Runnable action) {}
