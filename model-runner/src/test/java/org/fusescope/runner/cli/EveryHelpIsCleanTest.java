package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand of the whole command line (the trace core's and the runner's, found the way
 * {@code fusescope} finds them) prints its help without a warning: picocli reports a help text it cannot
 * format (a bare {@code %}) on {@code System.err}, outside the command line's own writers.
 */
class EveryHelpIsCleanTest {
    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(
                FuseScopeCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                "",
                paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String path, List<String> out) {
        out.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, (path + " " + name).trim(), out);
            }
        });
    }

    @ParameterizedTest(name = "fusescope {0} --help")
    @MethodSource("commands")
    void helpPrintsNoWarning(String path) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Cli.Result result;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
            args.add("--help");
            result = Cli.run(args.toArray(String[]::new));
        } finally {
            System.setErr(stderr);
        }
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: fusescope" + (path.isEmpty() ? "" : " " + path));
        assertThat(result.err()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .as("stderr of fusescope %s --help", path)
                .isEmpty();
    }

    @ParameterizedTest(name = "the command line has {0}")
    @MethodSource("expected")
    void theCommandLineHasTheCoresAndTheRunnersCommands(String name) {
        assertThat(commands()).contains(name);
    }

    static Stream<String> expected() {
        return Stream.of("info", "report", "compare", "export", "synth", "bench-store", "run", "doctor", "bench");
    }
}
