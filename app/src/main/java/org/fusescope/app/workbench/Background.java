package org.fusescope.app.workbench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs blocking work (SQLite reads, analyses) off the FX thread and hands the result back on it.
 * The two executors are injected so that plain JUnit tests can run everything inline.
 *
 * @param work where blocking work runs
 * @param ui where results are delivered (the FX thread in the workbench)
 */
public record Background(Executor work, Executor ui) {
    /** Runs {@code task} on the work executor, then {@code done} or {@code failed} on the UI one. */
    @SuppressWarnings("FutureReturnValueIgnored") // failures reach the failed callback
    public <T> void run(Supplier<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        CompletableFuture.supplyAsync(task, work)
                .whenCompleteAsync(
                        (value, error) -> {
                            if (error != null) {
                                failed.accept(error.getCause() != null ? error.getCause() : error);
                            } else {
                                done.accept(value);
                            }
                        },
                        ui);
    }
}
