package org.fusescope.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sample trace databases bundled with FuseScope, recorded on a real GPU. SQLite opens files, not
 * class-path resources, so a sample is copied to a file first. Thread-safe (stateless).
 */
public final class Samples {
    /**
     * {@code fusescope run --preset qwen3-next-80b-a3b --batch 1,16,64 --variants unfused,fused --mode
     * graph,eager --iters 20 --warmup 3 --verify} on an NVIDIA H100 80GB HBM3 (see samples/README.md).
     */
    public static final String H100_MOE = "h100-moe.sqlite";

    /**
     * {@code fusescope run --preset qwen3-next-80b-a3b --mixers all --layers 4 --batch 1,16,64 --variants
     * unfused,fused --mode graph,eager --context 4096 --iters 10 --warmup 2 --verify}: three gated-delta-net
     * layers and one attention layer, each with its MoE block, on an NVIDIA H100 80GB HBM3.
     */
    public static final String H100_LAYERS4 = "h100-layers4.sqlite";

    private static final String FOLDER = "/org/fusescope/assets/samples/";

    private Samples() {}

    /** Whether the sample {@code name} is bundled. */
    public static boolean has(String name) {
        return Samples.class.getResource(FOLDER + name) != null;
    }

    /**
     * Copies the sample {@code name} into {@code dir} (replacing an older copy) and returns the file.
     *
     * @throws IllegalArgumentException when no such sample is bundled
     * @throws UncheckedIOException when the copy fails
     */
    public static Path copyTo(String name, Path dir) {
        try (InputStream in = Samples.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled sample '" + name + "'");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }
}
