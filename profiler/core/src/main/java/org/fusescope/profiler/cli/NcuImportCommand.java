package org.fusescope.profiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.ncu.NcuCsv;
import org.fusescope.profiler.ncu.NcuImport;
import org.fusescope.profiler.ncu.NcuKernel;
import org.fusescope.profiler.store.MeasuredKernels;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope ncu-import DB --csv NCU.csv --out OUT}: a copy of DB with Nsight Compute's
 * counters attached to the kernels of each run's last step. The input database is never changed.
 */
@Command(
        name = "ncu-import",
        mixinStandardHelpOptions = true,
        description = {
            "Attach Nsight Compute counters (the CSV of `ncu --csv --page raw --metrics ...`, or of",
            "`ncu --import X.ncu-rep --csv --page raw`) to the kernels of each run's last step, in a copy of DB."
        })
final class NcuImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DB", description = "A FuseScope recording.")
    Path database;

    @Option(names = "--csv", required = true, paramLabel = "NCU.csv", description = "ncu's CSV output.")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "OUT.sqlite", description = "The copy to write.")
    Path output;

    @Option(names = "--run", paramLabel = "R", split = ",", description = "Runs to match (id or name); all by default.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--force", description = "Replace OUT if it exists (never the input database).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OutputFiles.check(output, force, database, csv);
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(csv + ": no such file");
        }
        List<NcuKernel> launches = NcuCsv.read(csv);
        PrintWriter out = spec.commandLine().getOut();
        Map<Long, NcuImport> imports = new LinkedHashMap<>();
        try (TraceReader reader = TraceReader.open(database)) {
            for (RunInfo run : RunSelection.select(reader, runs)) {
                NcuImport imported = NcuImport.of(reader.load(run.id()), launches);
                imports.put(run.id(), imported);
                out.println(TerminalText.safe(run.name()) + ": " + imported.summary());
            }
        }
        if (imports.values().stream().allMatch(i -> i.measured().isEmpty())) {
            throw new IllegalArgumentException(csv + ": none of its " + launches.size()
                    + " launches matches a recorded step of " + database + "; was it recorded with the same batch,"
                    + " variant and mode?");
        }
        OutputFiles.replace(output, temp -> {
            MeasuredKernels.copy(database, temp);
            imports.forEach((run, imported) -> MeasuredKernels.write(temp, run, imported.measured()));
        });
        out.println("wrote " + output);
        return 0;
    }
}
