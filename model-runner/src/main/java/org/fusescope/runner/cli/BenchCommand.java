package org.fusescope.runner.cli;

import picocli.CommandLine.Command;

/** {@code fusescope bench ...}: benchmarks that need a GPU. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "GPU benchmarks (see also bench-store).",
        subcommands = {BenchKernelsCommand.class, BenchMoeCommand.class, BenchAlignRaceCommand.class})
final class BenchCommand {}
