package org.fusescope.profiler.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code fusescope} command line. The trace core brings the commands that read and write trace
 * databases without a GPU ({@code info}, {@code report}, {@code compare}, {@code export}, {@code synth},
 * {@code bench-store}); every {@link CommandProvider} on the class path adds its own (the runner: {@code
 * run}, {@code doctor}, {@code bench}). Errors end as one line on stderr that names the file and the
 * problem, with exit status 1; usage errors exit with 2; {@code --debug} adds the stack trace.
 */
@Command(
        name = "fusescope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Records, analyses, compares and exports GPU trace databases of the Qwen3-Next MoE decode step.",
        subcommands = {
            InfoCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            NcuImportCommand.class,
            SynthCommand.class,
            BenchStoreCommand.class
        })
public final class TraceCli implements Runnable {
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line on stdout and stderr and returns the exit status. */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    /** The configured command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /**
     * The command line with {@code factory} creating the commands (tests give {@code run} a fake device), the
     * commands of every {@link CommandProvider} added after the core's, then {@code help}.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new TraceCli(), factory);
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            for (Class<?> command : provider.commands()) {
                commandLine.addSubcommand(new CommandLine(command, factory));
            }
        }
        commandLine.addSubcommand(new CommandLine(CommandLine.HelpCommand.class, factory));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec()
                .versionProvider(new VersionProvider()));
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
