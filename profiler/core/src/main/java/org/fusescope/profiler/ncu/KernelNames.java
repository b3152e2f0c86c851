package org.fusescope.profiler.ncu;

/** The bare function name of a kernel name in any of the spellings tools print. */
final class KernelNames {
    private KernelNames() {}

    /**
     * "void ns::moe_gemm&lt;128, 2&gt;(bf16 const*, int)" → "ns::moe_gemm"; "topk_softmax" stays. The
     * return type, template arguments and parameters go.
     */
    static String function(String name) {
        String s = name.trim();
        int paren = topLevel(s, '(');
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        int angle = topLevel(s, '<');
        if (angle >= 0) {
            s = s.substring(0, angle);
        }
        int space = s.lastIndexOf(' ');
        return space >= 0 ? s.substring(space + 1) : s;
    }

    /** The first {@code c} outside angle brackets (operator names aside, kernels have none). */
    private static int topLevel(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == c && (depth == 0 || c == '<')) {
                return i;
            }
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth = Math.max(0, depth - 1);
            }
        }
        return -1;
    }
}
