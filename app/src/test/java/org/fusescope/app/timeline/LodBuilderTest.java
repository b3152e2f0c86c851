package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class LodBuilderTest {
    /** n kernels of 1 µs every 1.5 µs, colours cycling through {@code colours} keys. */
    private static Lane lane(int n, int colours) {
        long[] s = new long[n];
        long[] e = new long[n];
        int[] c = new int[n];
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i * 1500L;
            e[i] = s[i] + 1000;
            c[i] = (i % colours) * 2;
            r[i] = i;
        }
        return new Lane("GPU stream 7", Lane.LaneKind.GPU, s, e, c, r, 1000);
    }

    @Test
    void aMillionKernelsCostAboutOneRectanglePerColumn() {
        Lane lane = lane(1_000_000, 1);
        LodFrame frame = new LodFrame();
        LodBuilder.build(lane, 0, 1.5e9 / 1500, 1500, frame);
        assertThat(frame.total()).isBetween(1, 1502);
        BitSet covered = new BitSet();
        for (int i = 0; i < frame.count(0); i++) {
            covered.set((int) frame.x(0, i), (int) (frame.x(0, i) + frame.w(0, i)));
        }
        assertThat(covered.cardinality()).as("every column holds a kernel").isGreaterThanOrEqualTo(1499);
    }

    @Test
    void manyColoursStayBoundedByTheWidth() {
        LodFrame frame = new LodFrame();
        LodBuilder.build(lane(1_000_000, 7), 0, 1.5e9 / 1000, 1000, frame);
        assertThat(frame.total()).isLessThanOrEqualTo(1002);
    }

    @Test
    void aKernelsWaitOnTheKernelBeforeItIsABarNotPartOfItsBox() {
        // gemm 0–1000 ns; silu resident from 600 ns (programmatic launch), working from 1000 to 1500 ns
        long[] s = {0, 600};
        long[] e = {1000, 1500};
        int[] c = {0, 2};
        Lane gpu = new Lane("GPU stream 7", Lane.LaneKind.GPU, s, e, c, new int[] {0, 1}, 900);
        LodFrame frame = new LodFrame();
        LodBuilder.build(gpu, 0, 1, 2000, frame);
        assertThat(frame.count(0)).isEqualTo(1);
        assertThat(frame.w(0, 0)).isEqualTo(1000f);
        assertThat(frame.count(2)).isEqualTo(1);
        assertThat(frame.x(2, 0)).isEqualTo(1000f);
        assertThat(frame.w(2, 0)).isEqualTo(500f);
        assertThat(frame.count(Palette.WAIT)).isEqualTo(1);
        assertThat(frame.x(Palette.WAIT, 0)).isEqualTo(600f);
        assertThat(frame.w(Palette.WAIT, 0)).isEqualTo(400f);
        assertThat(LodBuilder.drawnStartNs(gpu, 1)).isEqualTo(1000);

        // rows that are not kernels keep their items as recorded
        Lane cpu = new Lane("CPU", Lane.LaneKind.CPU, s.clone(), e.clone(), c.clone(), new int[] {0, 1}, 900);
        LodBuilder.build(cpu, 0, 1, 2000, frame);
        assertThat(frame.count(Palette.WAIT)).isZero();
        assertThat(frame.x(2, 0)).isEqualTo(600f);
        assertThat(LodBuilder.drawnStartNs(cpu, 1)).isEqualTo(600);
    }

    @Test
    void wideKernelsAreDrawnOneByOneAndLabelled() {
        Lane lane = lane(100, 3);
        LodFrame frame = new LodFrame();
        // 10 kernels visible, 100 px each
        LodBuilder.build(lane, 0, 10, 1490, frame);
        assertThat(frame.total()).isEqualTo(10);
        assertThat(frame.labels()).isEqualTo(10);
        assertThat(frame.x(0, 0)).isEqualTo(0f);
        assertThat(frame.w(0, 0)).isEqualTo(100f);
        assertThat(frame.x(2, 0)).isEqualTo(150f);
    }

    @Test
    void aWideKernelAfterNarrowOnesInOneColumnIsStillDrawn() {
        long[] s = {0, 10, 20, 30};
        long[] e = {5, 15, 25, 100_000};
        Lane lane = new Lane("x", Lane.LaneKind.GPU, s, e, new int[] {0, 0, 0, 2}, new int[] {0, 1, 2, 3}, 99_970);
        LodFrame frame = new LodFrame();
        LodBuilder.build(lane, 0, 100, 1000, frame);
        assertThat(frame.count(2)).isEqualTo(1);
        assertThat(frame.w(2, 0)).isGreaterThan(990f);
    }

    @Test
    void itemsOutsideTheWindowAreLeftOut() {
        LodFrame frame = new LodFrame();
        LodBuilder.build(lane(1000, 1), 10_000_000, 1, 500, frame);
        assertThat(frame.total()).isZero();
    }
}
