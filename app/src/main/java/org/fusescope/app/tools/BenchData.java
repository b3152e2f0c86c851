package org.fusescope.app.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;

/** Generates the large recording bench-ui opens: one eager unfused Qwen3-Next run. */
final class BenchData {
    private BenchData() {}

    /** A temporary recording with at least about {@code kernels} kernels. */
    static Path generate(int kernels) throws IOException {
        SyntheticSpec one = SyntheticSpec.qwen3Next(1, SyntheticSpec.UNFUSED, SyntheticSpec.EAGER);
        int perStep =
                SyntheticTraceGenerator.generate(withSteps(one, 1)).kernels().size();
        int steps = Math.max(1, (int) Math.ceil((double) kernels / perStep));
        RunTrace run = SyntheticTraceGenerator.generate(withSteps(one, steps));
        Path dir = Files.createTempDirectory("fusescope-bench-ui-");
        Path file = dir.resolve("bench-" + run.kernels().size() + ".sqlite");
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        try (TraceWriter writer = TraceWriter.create(file)) {
            writer.writeRun(run);
        }
        return file;
    }

    private static SyntheticSpec withSteps(SyntheticSpec s, int steps) {
        return new SyntheticSpec(
                s.seed(),
                s.experts(),
                s.topK(),
                s.hidden(),
                s.intermediate(),
                s.sharedAsExpert(),
                s.layers(),
                steps,
                s.batch(),
                s.variant(),
                s.mode(),
                s.startNs(),
                s.runId());
    }
}
