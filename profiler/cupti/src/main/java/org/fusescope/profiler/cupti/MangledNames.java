package org.fusescope.profiler.cupti;

/**
 * The base name of an Itanium-mangled symbol, without demangling the rest: {@code
 * _Z20grouped_gemm1_kernelILi128EEvPKfPf} → {@code grouped_gemm1_kernel}, {@code
 * _ZN2at6native12_GLOBAL__N_13fooIfEEvPT_} → {@code foo}. Reads the outermost name (plain, {@code
 * St}-prefixed or nested {@code N...E}), keeps its last source name and skips template argument
 * lists by balancing their openers ({@code I N X J Z F Ul Dt DT L_Z}) against {@code E}. Best
 * effort: anything it does not follow gives null, and the caller keeps the whole symbol.
 * Thread-safe (stateless).
 */
final class MangledNames {
    private MangledNames() {}

    /** The last source name of the outermost name of {@code symbol} (starting {@code _Z}), or null. */
    static String baseName(String symbol) {
        try {
            return new Cursor(symbol, 2).outerName();
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s, int start) {
            this.s = s;
            this.i = start;
        }

        String outerName() {
            if (s.startsWith("St", i) || s.charAt(i) == 'L') {
                i += s.charAt(i) == 'L' ? 1 : 2;
            }
            if (s.charAt(i) == 'Z') {
                return null; // a local name: the entity follows a whole encoding
            }
            boolean nested = s.charAt(i) == 'N';
            if (nested) {
                i++;
            }
            String last = null;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    last = sourceName();
                } else if (c == 'I') {
                    skipBalanced();
                } else if (c == 'S') {
                    skipSubstitution();
                } else if (nested && "KVrROL".indexOf(c) >= 0) {
                    i++;
                } else {
                    break; // 'E' ends a nested name; anything else is the function type or not followed
                }
                if (!nested && c != 'S' && (i >= s.length() || s.charAt(i) != 'I')) {
                    break;
                }
            }
            return last;
        }

        private String sourceName() {
            int start = i;
            while (Character.isDigit(s.charAt(i))) {
                i++;
            }
            int length = Integer.parseInt(s.substring(start, i));
            String name = s.substring(i, i + length);
            i += length;
            return name;
        }

        private void skipSubstitution() {
            i++;
            if (Character.isLowerCase(s.charAt(i))) {
                i++;
            } else {
                i = after('_');
            }
        }

        /** The index just after the next {@code c}; throws when there is none, so that the caller gives up. */
        private int after(char c) {
            int at = s.indexOf(c, i);
            if (at < 0) {
                throw new IndexOutOfBoundsException("no '" + c + "' after " + i + " in " + s);
            }
            return at + 1;
        }

        /** Skips from an opener at {@code i} to just after its matching {@code E}. */
        private void skipBalanced() {
            int depth = 0;
            do {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    sourceName();
                    continue;
                }
                if (s.startsWith("L_Z", i)) {
                    depth++;
                    i += 3;
                } else if (c == 'L') {
                    i = after('E'); // a literal: L <type> <value> E
                } else if (s.startsWith("Ul", i) || s.startsWith("Dt", i) || s.startsWith("DT", i)) {
                    depth++;
                    i += 2;
                } else if ("INXJZF".indexOf(c) >= 0) {
                    depth++;
                    i++;
                } else if (c == 'E') {
                    depth--;
                    i++;
                } else if (c == 'S') {
                    skipSubstitution();
                } else if (c == 'T' || c == 'A' || s.startsWith("Ut", i) || s.startsWith("Dv", i)) {
                    i = after('_');
                } else {
                    i += c == 'D' ? 2 : 1;
                }
            } while (depth > 0);
        }
    }
}
