package org.fusescope.profiler.export;

/** Nanoseconds as a decimal number of microseconds, exact to the ns ({@code 1234567 → "1234.567"}). */
final class Micros {
    private Micros() {}

    /** {@code ns / 1000} in plain decimal notation without trailing zeros, e.g. 1500 → {@code 1.5}. */
    static String of(long ns) {
        if (ns < 0) {
            return ns == Long.MIN_VALUE ? "-9223372036854775.808" : "-" + of(-ns);
        }
        long whole = ns / 1000;
        int frac = (int) (ns % 1000);
        if (frac == 0) {
            return Long.toString(whole);
        }
        StringBuilder sb = new StringBuilder(24).append(whole).append('.');
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        int end = frac;
        while (end % 10 == 0) {
            end /= 10;
        }
        return sb.append(end).toString();
    }
}
