package org.fusescope.profiler.store;

import java.util.Arrays;
import org.fusescope.profiler.model.ExpertCounts;

/** Unsigned LEB128 varints: the FS_EXPERT_COUNTS token BLOB, about one byte per expert. */
final class Varints {
    private Varints() {}

    static byte[] encode(ExpertCounts c) {
        byte[] out = new byte[5 * c.experts()];
        int pos = 0;
        for (int e = 0; e < c.experts(); e++) {
            int v = c.tokens(e);
            while ((v & ~0x7F) != 0) {
                out[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out[pos++] = (byte) v;
        }
        return Arrays.copyOf(out, pos);
    }

    /**
     * Decodes {@code n} values.
     *
     * @throws IllegalArgumentException when the BLOB does not hold exactly {@code n} varints
     */
    static int[] decode(byte[] blob, int n) {
        int[] out = new int[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            int v = 0;
            int shift = 0;
            while (true) {
                if (pos >= blob.length || shift > 28) {
                    throw new IllegalArgumentException("corrupt expert token BLOB");
                }
                byte b = blob[pos++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            out[i] = v;
        }
        if (pos != blob.length) {
            throw new IllegalArgumentException("corrupt expert token BLOB");
        }
        return out;
    }
}
