package org.fusescope.app.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;

/**
 * What a first start opens: the H100 sample bundled in the assets module when it is on the class
 * path, else a synthetic recording generated into a temporary file (labelled synthetic). Blocking;
 * call off the FX thread. Stateless.
 */
public final class SampleRecordings {
    /** Class-path resource of the bundled sample recorded on an H100. */
    public static final String H100_SAMPLE = "/org/fusescope/assets/samples/h100-moe.sqlite";

    /**
     * A sample on disk.
     *
     * @param bundled true for the bundled H100 recording, false for a generated synthetic one
     */
    public record Sample(Path file, boolean bundled) {}

    private SampleRecordings() {}

    /** The bundled sample copied to a temporary file, or a freshly generated synthetic recording. */
    public static Sample firstStart() {
        return firstStart(H100_SAMPLE);
    }

    /** As {@link #firstStart()}, looking for another resource (tests). */
    public static Sample firstStart(String resource) {
        try (InputStream in = SampleRecordings.class.getResourceAsStream(resource)) {
            if (in != null) {
                Path dir = Files.createTempDirectory("fusescope-sample-");
                Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
                dir.toFile().deleteOnExit();
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return new Sample(file, true);
            }
            return new Sample(synthetic(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sample recording", e);
        }
    }

    /** A synthetic recording of the Qwen3-Next MoE block (b=1/16, eager/graph, unfused/fused). */
    public static Path synthetic() throws IOException {
        Path dir = Files.createTempDirectory("fusescope-synthetic-");
        Path file = dir.resolve("synthetic-qwen3-next.sqlite");
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        SyntheticSpec base = SyntheticSpec.qwen3Next(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH);
        List<RunTrace> runs = SyntheticRecording.generate(
                base, List.of(1, 16), List.of(SyntheticSpec.UNFUSED, SyntheticSpec.FUSED), List.of("graph", "eager"));
        try (TraceWriter writer = TraceWriter.create(file)) {
            runs.forEach(writer::writeRun);
        }
        return file;
    }
}
