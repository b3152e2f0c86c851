package org.fusescope.profiler.model;

/**
 * One comparison of an output against a reference, e.g. fused vs unfused or GPU vs CPU.
 *
 * @param name what was compared, e.g. {@code moe_out fused vs cpu}
 * @param layer the layer, or -1 for the whole step
 * @param step the decode step, or -1
 * @param maxAbs max |out − ref|
 * @param relNorm ‖out − ref‖ / ‖ref‖
 * @param tolerance the bound on {@code relNorm}
 */
public record NumericCheck(String name, int layer, int step, double maxAbs, double relNorm, double tolerance) {
    /** True when the relative error is within the tolerance. */
    public boolean passed() {
        return relNorm <= tolerance;
    }
}
