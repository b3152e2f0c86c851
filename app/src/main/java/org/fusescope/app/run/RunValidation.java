package org.fusescope.app.run;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Checks of the run dialog's fields; each adds a message to {@code errors} when the field is wrong. */
final class RunValidation {
    private RunValidation() {}

    static void source(String preset, String config, List<String> errors) {
        if (config != null && !config.isBlank()) {
            if (!isFile(config)) {
                errors.add("model config " + config.trim() + " does not exist");
            }
        } else if (preset == null || !RunConfigViewModel.PRESETS.contains(preset.trim())) {
            errors.add("choose a preset (" + String.join(", ", RunConfigViewModel.PRESETS) + ") or a config file");
        }
    }

    static void existingDir(String what, String dir, List<String> errors) {
        if (dir != null && !dir.isBlank() && !isDir(dir)) {
            errors.add(what + " " + dir.trim() + " does not exist");
        }
    }

    static void intList(String what, String text, int min, int max, List<String> errors) {
        if (text == null || text.isBlank()) {
            errors.add(what + ": give at least one, e.g. 1,4,16");
            return;
        }
        for (String part : text.split(",")) {
            Long v = parse(part);
            if (v == null || v < min || v > max) {
                errors.add(what + ": '" + part.trim() + "' is not a whole number in " + min + ".." + max);
                return;
            }
        }
    }

    static void optionalInt(String what, String text, int min, int max, List<String> errors) {
        if (text != null && !text.isBlank()) {
            Long v = parse(text);
            if (v == null || v < min || v > max) {
                errors.add(what + ": '" + text.trim() + "' is not a whole number in " + min + ".." + max);
            }
        }
    }

    static void seed(String text, List<String> errors) {
        if (parse(text) == null) {
            errors.add("seed: '" + text + "' is not a whole number");
        }
    }

    /** router, uniform, zipf:S (S &gt; 0), hot:N:FRACTION (N ≥ 1, 0 &lt; FRACTION ≤ 1), file:PATH. */
    static void routing(String text, List<String> errors) {
        String r = text == null ? "" : text.trim();
        String[] p = r.split(":", -1);
        boolean ok =
                switch (p[0]) {
                    case "router", "uniform" -> p.length == 1;
                    case "zipf" -> p.length == 2 && positive(p[1]);
                    case "hot" -> p.length == 3
                            && parse(p[1]) != null
                            && parse(p[1]) >= 1
                            && positive(p[2])
                            && Double.parseDouble(p[2]) <= 1;
                    case "file" -> p.length >= 2 && isFile(r.substring(5));
                    default -> false;
                };
        if (!ok) {
            errors.add("routing '" + r + "': use router, uniform, zipf:S, hot:N:FRACTION or file:PATH (existing)");
        }
    }

    static void output(String out, List<String> errors) {
        if (out == null || out.isBlank()) {
            errors.add("output: name the .sqlite file to write");
            return;
        }
        try {
            Path p = Path.of(out.trim()).toAbsolutePath();
            if (p.getFileName() == null || !p.getFileName().toString().endsWith(".sqlite")) {
                errors.add("output: " + out.trim() + " must end with .sqlite");
            } else if (p.getParent() == null || !Files.isDirectory(p.getParent())) {
                errors.add("output: folder " + p.getParent() + " does not exist");
            }
        } catch (InvalidPathException e) {
            errors.add("output: " + e.getMessage());
        }
    }

    private static boolean positive(String s) {
        try {
            double v = Double.parseDouble(s);
            return v > 0 && Double.isFinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static boolean isFile(String s) {
        try {
            return Files.isRegularFile(Path.of(s.trim()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isDir(String s) {
        try {
            return Files.isDirectory(Path.of(s.trim()));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
