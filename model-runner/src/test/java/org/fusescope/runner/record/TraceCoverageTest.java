package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.api.Test;

/** A run never records nothing silently. */
class TraceCoverageTest {
    /** FAKE (CPU tests only): a tracer that reports a level and a notice and records nothing. */
    private record StubTracer(TraceLevel level, Optional<String> notice) implements Tracer {
        @Override
        public void start(Sink sink) {}

        @Override
        public void flush() {}

        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public long timestampNs() {
            return 0;
        }

        @Override
        public void close() {}
    }

    @Test
    void aTracedRunWithLaunchesButNoKernelRecordIsAnError() {
        var problems = TraceCoverage.problems(new StubTracer(TraceLevel.FULL, Optional.empty()), 0, 17);
        assertThat(problems).extracting(Problem::code).containsExactly(TraceCoverage.NO_KERNEL_RECORDS);
        assertThat(problems.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(problems.get(0).message()).contains("17 launches").contains("--trace none");
    }

    @Test
    void kernelsRecordedOrNothingLaunchedOrNoTracingIsFine() {
        assertThat(TraceCoverage.problems(new StubTracer(TraceLevel.KERNELS, Optional.empty()), 5, 17))
                .isEmpty();
        assertThat(TraceCoverage.problems(new StubTracer(TraceLevel.FULL, Optional.empty()), 0, 0))
                .isEmpty();
        assertThat(TraceCoverage.problems(new StubTracer(TraceLevel.NONE, Optional.empty()), 0, 17))
                .isEmpty();
    }

    @Test
    void aFallBackIsAWarningWithItsReason() {
        var problems =
                TraceCoverage.problems(new StubTracer(TraceLevel.NONE, Optional.of("another CUPTI client ...")), 0, 17);
        assertThat(problems).extracting(Problem::code).containsExactly(TraceCoverage.TRACE_UNAVAILABLE);
        assertThat(problems.get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
