package org.fusescope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;

/** The golden recording (8 synthetic runs: unfused/fused, b=1/16, graph/eager, 2 layers) for tests. */
public final class Golden {
    private Golden() {}

    /** Its path: the trace core's golden recording itself (profiler/core test resources), never a copy. */
    public static Path file() {
        String p =
                System.getProperty("fusescope.golden", "../profiler/core/src/test/resources/golden/recording.sqlite");
        Path file = Path.of(p);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("golden recording missing: " + file.toAbsolutePath());
        }
        return file;
    }

    /** The two-stream golden recording beside it (the shared expert's kernels on stream 14). */
    public static Path twoStreamsFile() {
        Path file = file().resolveSibling("two-streams.sqlite");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("two-stream golden recording missing: " + file.toAbsolutePath());
        }
        return file;
    }

    /** Opens it and loads run {@code id}. */
    public static OpenRun run(RecordingService service, long id) {
        Recording r = service.open(file());
        return service.load(r, id);
    }
}
