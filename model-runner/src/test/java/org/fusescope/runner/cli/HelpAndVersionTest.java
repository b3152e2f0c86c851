package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help and --version work on the top command and on every subcommand. */
class HelpAndVersionTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "info", "report", "compare", "export", "synth", "bench-store", "doctor", "bench"})
    void help(String command) {
        Cli.Result result = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: fusescope" + (command.isEmpty() ? "" : " " + command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "info", "report", "compare", "export", "synth", "bench-store", "doctor", "bench"})
    void version(String command) {
        Cli.Result result = command.isEmpty() ? Cli.run("--version") : Cli.run(command, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("FuseScope ").doesNotContain("${").doesNotContain("unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-such-option", "no-such-command"})
    void usageErrorsExitWithTwo(String argument) {
        Cli.Result result = Cli.run(argument);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isNotEmpty();
    }
}
