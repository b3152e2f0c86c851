package org.fusescope.profiler.cli;

/**
 * Text from a recording made safe for a terminal: control characters (C0, DEL and C1, escape sequences
 * among them) are shown as {@code \xNN} instead of being sent, so a run or device name cannot retitle,
 * clear or recolour the user's terminal. Stateless.
 */
final class TerminalText {
    private TerminalText() {}

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
