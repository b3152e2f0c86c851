package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;

/** Parses the arguments of a routing scenario's spelling, with errors naming the whole spelling. */
final class ScenarioArgs {
    private ScenarioArgs() {}

    static void count(String spec, String[] parts, int expected) {
        Args.check(parts.length == expected, "routing scenario '" + spec + "': expected " + RoutingScenario.FORMS);
    }

    static double number(String spec, String what, String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        Args.check(
                value >= min && value <= max,
                "routing scenario '" + spec + "': " + what + " must be a number in [" + min + ", " + max + "], not '"
                        + text + "'");
        return value;
    }

    static int integer(String spec, String what, String text) {
        try {
            int value = Integer.parseInt(text);
            Args.check(value >= 1, "");
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "routing scenario '" + spec + "': " + what + " must be a whole number >= 1, not '" + text + "'", e);
        }
    }
}
