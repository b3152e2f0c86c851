package org.fusescope.profiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fusescope info DB}: what a trace database holds. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Show the devices, runs and metadata of a trace database.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DB", description = "A FuseScope or nsys-exported .sqlite file.")
    Path database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (TraceReader reader = TraceReader.open(database)) {
            DataWarnings.print(spec.commandLine().getErr(), reader);
            out.println("file      " + database);
            out.println("kind      " + (reader.isNsysExport() ? "Nsight Systems export" : "FuseScope recording"));
            for (Map.Entry<String, String> entry : reader.metadata().entrySet()) {
                out.printf(
                        Locale.ROOT,
                        "meta      %s = %s%n",
                        TerminalText.safe(entry.getKey()),
                        TerminalText.safe(entry.getValue()));
            }
            for (DeviceInfo device : reader.devices()) {
                out.printf(
                        Locale.ROOT,
                        "device %d  %s, %d SMs, %.1f GiB, measured copy %s%n",
                        device.id(),
                        TerminalText.safe(device.name()),
                        device.smCount(),
                        device.totalMemoryBytes() / (double) (1L << 30),
                        device.hasMeasuredBandwidth()
                                ? String.format(Locale.ROOT, "%.0f GB/s", device.measuredBandwidthBytesPerSec() / 1e9)
                                : "not measured");
            }
            out.println();
            out.printf(
                    Locale.ROOT,
                    "%4s  %-28s %-10s %6s %-6s %6s %-10s %s%n",
                    "run",
                    "name",
                    "variant",
                    "batch",
                    "mode",
                    "layers",
                    "status",
                    "origin");
            for (RunInfo run : reader.runs()) {
                out.printf(
                        Locale.ROOT,
                        "%4d  %-28s %-10s %6d %-6s %6d %-10s %s%n",
                        run.id(),
                        TerminalText.safe(run.name()),
                        TerminalText.safe(run.variant()),
                        run.batch(),
                        run.mode(),
                        run.layers(),
                        run.status().word(),
                        run.synthetic() ? "synthetic" : "measured");
            }
        }
        return 0;
    }
}
