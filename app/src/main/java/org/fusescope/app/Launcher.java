package org.fusescope.app;

import org.fusescope.runner.cli.FuseScopeCli;

/**
 * The application's entry point. It does not extend {@code javafx.application.Application}, so the
 * jar starts with JavaFX on the class path. With a subcommand or an option it is the command line;
 * without arguments it starts the workbench.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            // The JavaFX workbench arrives with its own issue; until then the command line explains itself.
            System.err.println("fusescope: the workbench is not part of this build yet; the command line follows.");
            System.exit(FuseScopeCli.execute(new String[] {"--help"}));
        }
        System.exit(FuseScopeCli.execute(args));
    }
}
