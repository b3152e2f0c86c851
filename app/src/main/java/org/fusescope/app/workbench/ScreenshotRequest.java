package org.fusescope.app.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.cli.OutputFiles;

/**
 * The arguments of {@code --screenshot TARGET [--views | --view NAME[,NAME...]] [DATABASE ...]}:
 * without a view option TARGET is the PNG of the main window; with one it is a folder that gets one
 * PNG per view ({@link ViewShots#NAMES}).
 *
 * @param target the PNG file, or the folder of the view PNGs
 * @param views the views to render, in order; empty for the single window screenshot
 * @param files the databases to open; empty for the bundled sample
 */
public record ScreenshotRequest(Path target, List<String> views, List<String> files) {
    public static final String USAGE = "usage: fusescope --screenshot FILE.png [DATABASE.sqlite]\n"
            + "       fusescope --screenshot DIR --views [DATABASE.sqlite]\n"
            + "       fusescope --screenshot DIR --view NAME[,NAME...] [DATABASE.sqlite]\n"
            + "views: " + String.join(", ", ViewShots.NAMES);

    public ScreenshotRequest {
        views = List.copyOf(views);
        files = List.copyOf(files);
    }

    /** True when it asks for one PNG per view. */
    public boolean perView() {
        return !views.isEmpty();
    }

    /**
     * Parses the arguments (the first is {@code --screenshot}).
     *
     * @throws IllegalArgumentException with a one-line reason when they are wrong
     */
    public static ScreenshotRequest parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("--screenshot")) {
            throw new IllegalArgumentException("the first argument must be --screenshot");
        }
        if (args.size() < 2 || args.get(1).startsWith("-")) {
            throw new IllegalArgumentException("--screenshot needs a target file or folder");
        }
        Path target = Path.of(args.get(1));
        List<String> views = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--views")) {
                views.addAll(ViewShots.NAMES);
            } else if (a.equals("--view")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--view needs a view name");
                }
                for (String name : args.get(++i).split(",")) {
                    String n = name.trim();
                    if (!ViewShots.NAMES.contains(n)) {
                        throw new IllegalArgumentException(
                                "unknown view '" + n + "'; one of " + String.join(", ", ViewShots.NAMES));
                    }
                    if (!views.contains(n)) {
                        views.add(n);
                    }
                }
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                files.add(a);
            }
        }
        if (files.size() > 1) {
            throw new IllegalArgumentException("at most one database");
        }
        for (String file : files) {
            if (OutputFiles.sameFile(target, Path.of(file))) {
                throw new IllegalArgumentException(
                        target + ": is the database to show; choose another file for the screenshot");
            }
        }
        return new ScreenshotRequest(target, views, files);
    }
}
