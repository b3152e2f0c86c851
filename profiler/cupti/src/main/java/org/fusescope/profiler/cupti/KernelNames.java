package org.fusescope.profiler.cupti;

/**
 * Short kernel names from the name string of a CUPTI kernel record. CUPTI gives the name as the
 * compiler emitted it: {@code extern "C"} kernels as written, C++ kernels as Itanium-mangled
 * symbols ({@code _Z...}); some tools hand over demangled names instead. Both are accepted:
 *
 * <ul>
 *   <li>mangled ({@code _Z} prefix): the last source name of the outermost (nested) name, template
 *       arguments skipped ({@link MangledNames#baseName});
 *   <li>demangled: the text before the argument list (the first {@code (} outside template
 *       brackets; {@code (anonymous namespace)} does not count), less trailing template arguments,
 *       less the return type (up to the last space outside brackets) and the namespaces and classes
 *       (up to the last {@code ::} outside brackets);
 *   <li>anything else (C linkage) unchanged.
 * </ul>
 *
 * <p>No full demangling is done: a mangled name stays mangled as the demangled name. Thread-safe
 * (stateless).
 */
public final class KernelNames {
    /** The name used when a record carries none (a kernel name may never be empty in the model). */
    public static final String UNKNOWN = "<unknown kernel>";

    private static final String ANONYMOUS = "(anonymous namespace)";

    private KernelNames() {}

    /** The full name to store: the record's name, or {@link #UNKNOWN} for null or empty. */
    public static String fullName(String recordName) {
        return recordName == null || recordName.isEmpty() ? UNKNOWN : recordName;
    }

    /** The base name, e.g. {@code void ns::foo<float>(float*)} → {@code foo}; never empty. */
    public static String shortName(String recordName) {
        String name = fullName(recordName);
        String base = name.startsWith("_Z") ? MangledNames.baseName(name) : demangledBase(name);
        return base == null || base.isEmpty() ? name : base;
    }

    private static String demangledBase(String name) {
        String text = name.replace(ANONYMOUS, "anonymous-namespace");
        int depth = 0;
        int end = text.length();
        int lastSpace = -1;
        int lastScope = -1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '{' || c == '[') {
                depth++;
            } else if ((c == '>' || c == '}' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '(') {
                end = i;
            } else if (depth == 0 && c == ' ') {
                lastSpace = i;
            } else if (depth == 0 && c == ':' && i + 1 < end && text.charAt(i + 1) == ':') {
                lastScope = i + 1;
            }
        }
        int start = Math.max(lastSpace, lastScope) + 1;
        String base = text.substring(Math.min(start, end), end).strip();
        int bracket = topLevelTemplateStart(base);
        return bracket > 0 ? base.substring(0, bracket) : base;
    }

    /** Where the trailing template argument list of {@code name} opens, or -1 when it has none. */
    private static int topLevelTemplateStart(String name) {
        if (!name.endsWith(">")) {
            return -1;
        }
        int depth = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (c == '>') {
                depth++;
            } else if (c == '<' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
