package org.fusescope.kernels.reference;

/**
 * How far an output laid out as {@code rows × cols} is from its reference, as a whole and row by row
 * (a row is one token or request): the whole-array relative error ‖out − ref‖ / ‖ref‖, the worst row's
 * relative error ‖out_r − ref_r‖ / ‖ref_r‖ with its index, the largest |out − ref| and the first
 * element whose row is out of bound. A NaN or infinite output element makes its row's error (and the
 * whole-array error) +∞; a zero reference row has error 0 when the output row is zero too, else +∞.
 *
 * <p>The rule: an output passes when both the whole-array error and every row's error are at most the
 * bound, {@link #BF16} for bf16 outputs, {@link #FP32} for fp32 outputs. One wrong row among many
 * hardly moves the whole-array error (one row 16 % off among 257 is 1 % overall), so the rows are
 * bounded one by one. Immutable.
 *
 * @param whole ‖out − ref‖ / ‖ref‖ over the whole array
 * @param worstRow the largest per-row relative error
 * @param worstRowIndex the row with that error (0 when there are no rows)
 * @param maxAbs the largest |out − ref| (+∞ when an output element is not finite)
 * @param firstBad the first element of the worst row that differs most from its reference, with
 *     {@code out[firstBad]} and {@code ref[firstBad]} the values there
 * @param rows the number of rows
 * @param cols the elements per row
 */
public record RowErrors(
        double whole,
        double worstRow,
        int worstRowIndex,
        double maxAbs,
        int firstBad,
        float outAt,
        float refAt,
        int rows,
        int cols) {
    /** The bound on the relative error of bf16 outputs, per row and whole (about 2.5 bf16 ulps of a row's RMS). */
    public static final double BF16 = 1e-2;

    /** The bound on the relative error of fp32 outputs (top-k weights, fp32 GEMM results), per row and whole. */
    public static final double FP32 = 1e-4;

    /**
     * The errors of {@code out} against {@code ref}, rows of {@code cols} elements.
     *
     * @throws IllegalArgumentException when the lengths differ or are not a whole number of rows
     */
    public static RowErrors of(float[] out, float[] ref, int cols) {
        if (out.length != ref.length) {
            throw new IllegalArgumentException("out has " + out.length + " elements, ref " + ref.length);
        }
        if (cols <= 0 || ref.length % cols != 0) {
            throw new IllegalArgumentException(
                    "cols: expected a positive divisor of " + ref.length + " but was " + cols);
        }
        int rows = ref.length / cols;
        double diffAll = 0;
        double normAll = 0;
        double maxAbs = 0;
        boolean finite = true;
        double worst = -1;
        int worstIndex = 0;
        for (int r = 0; r < rows; r++) {
            double diff = 0;
            double norm = 0;
            boolean rowFinite = true;
            for (int c = r * cols; c < (r + 1) * cols; c++) {
                if (!Float.isFinite(out[c])) {
                    rowFinite = false;
                    continue;
                }
                double d = (double) out[c] - ref[c];
                diff += d * d;
                norm += (double) ref[c] * ref[c];
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            finite &= rowFinite;
            diffAll += diff;
            normAll += norm;
            double rel = rowFinite ? relative(diff, norm) : Double.POSITIVE_INFINITY;
            if (rel > worst) {
                worst = rel;
                worstIndex = r;
            }
        }
        if (rows == 0) {
            return new RowErrors(0, 0, 0, 0, -1, Float.NaN, Float.NaN, 0, cols);
        }
        int bad = worstElement(out, ref, worstIndex, cols);
        return new RowErrors(
                finite ? relative(diffAll, normAll) : Double.POSITIVE_INFINITY,
                worst,
                worstIndex,
                finite ? maxAbs : Double.POSITIVE_INFINITY,
                bad,
                out[bad],
                ref[bad],
                rows,
                cols);
    }

    /** True when the whole-array error and every row's error are at most {@code bound}. */
    public boolean within(double bound) {
        return whole <= bound && worstRow <= bound;
    }

    /** The larger of the whole-array and the worst row's error: the figure a bound is held against. */
    public double worst() {
        return Math.max(whole, worstRow);
    }

    /**
     * One line for a failure message: the whole-array and worst-row errors against {@code bound}, the
     * worst row and its most different element.
     */
    public String describe(double bound) {
        return String.format(
                java.util.Locale.ROOT,
                "relative error %.3g whole, %.3g in row %d of %d (bound %.0e); in that row at element %d"
                        + " (row %d, column %d): got %s, expected %s",
                whole,
                worstRow,
                worstRowIndex,
                rows,
                bound,
                firstBad,
                firstBad / cols,
                firstBad % cols,
                outAt,
                refAt);
    }

    private static double relative(double diff, double norm) {
        if (Double.isNaN(diff) || Double.isNaN(norm)) {
            return Double.POSITIVE_INFINITY;
        }
        return norm == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diff / norm);
    }

    /** The first non-finite element of row {@code r}, else its largest difference. */
    private static int worstElement(float[] out, float[] ref, int r, int cols) {
        int worst = r * cols;
        for (int c = r * cols; c < (r + 1) * cols; c++) {
            if (!Float.isFinite(out[c])) {
                return c;
            }
            if (Math.abs((double) out[c] - ref[c]) > Math.abs((double) out[worst] - ref[worst])) {
                worst = c;
            }
        }
        return worst;
    }
}
