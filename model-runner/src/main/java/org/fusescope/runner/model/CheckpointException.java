package org.fusescope.runner.model;

import java.nio.file.Path;

/**
 * A checkpoint file that cannot be used: unreadable, malformed, truncated, or without the tensor (or
 * with a different dtype or shape) that the model needs. The message names the file and, where there
 * is one, the tensor.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with {@code file} as a whole. */
    public CheckpointException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** A problem with {@code file} as a whole, caused by {@code cause}. */
    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /** A problem with tensor {@code tensor} of {@code file}. */
    public CheckpointException(Path file, String tensor, String problem) {
        super(file + ": tensor " + tensor + ": " + problem);
    }
}
