package org.fusescope.profiler.cli;

import java.util.List;

/**
 * Commands a module adds to the {@code fusescope} command line: the runner adds {@code run}, {@code doctor}
 * and {@code bench}, found through {@link java.util.ServiceLoader} when it is on the class path. The trace
 * core's own commands need no GPU; these may.
 */
public interface CommandProvider {
    /** The picocli command classes to add, each annotated with {@code @Command}. */
    List<Class<?>> commands();
}
