package org.fusescope.kernels.reference;

/** The scalar functions the kernels use, in float64. */
final class Activations {
    private Activations() {}

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    static double silu(double x) {
        return x / (1.0 + Math.exp(-x));
    }
}
