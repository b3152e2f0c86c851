package org.fusescope.runner.cli;

import java.util.List;
import org.fusescope.profiler.cli.CommandProvider;

/** The runner's commands on the {@code fusescope} command line: those that need (or check for) a GPU. */
public final class RunnerCommands implements CommandProvider {
    @Override
    public List<Class<?>> commands() {
        return List.of(RunCommand.class, DoctorCommand.class, BenchCommand.class, NcuCommand.class);
    }
}
