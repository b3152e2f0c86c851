package org.fusescope.runner.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuCommunicatorTest {
    private final SplittableRandom random = new SplittableRandom();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8})
    void collectivesEqualDirectSumsOnRandomData(int ranks) {
        int chunk = 1 + random.nextInt(40);
        float[][] buffers = randomBuffers(ranks, ranks * chunk);
        CpuCommunicator comm = new CpuCommunicator(ranks);

        float[][] reduced = comm.allReduce(buffers);
        float[][] scattered = comm.reduceScatter(buffers);
        float[][] gathered = comm.allGather(scattered);
        for (int r = 0; r < ranks; r++) {
            assertThat(scattered[r]).hasSize(chunk);
            for (int i = 0; i < ranks * chunk; i++) {
                float direct = 0;
                for (float[] b : buffers) {
                    direct += b[i];
                }
                assertThat(reduced[r][i]).isCloseTo(direct, within(1e-5f));
                assertThat(gathered[r][i]).isCloseTo(direct, within(1e-5f));
                if (i / chunk == r) {
                    assertThat(scattered[r][i % chunk]).isCloseTo(direct, within(1e-5f));
                }
            }
        }
    }

    @Test
    void allGatherConcatenatesInRankOrder() {
        float[][] chunks = randomBuffers(3, 5);
        float[][] gathered = new CpuCommunicator(3).allGather(chunks);
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < 5; i++) {
                    assertThat(gathered[r][s * 5 + i]).isEqualTo(chunks[s][i]);
                }
            }
        }
    }

    @Test
    void mismatchedBuffersAreRefused() {
        CpuCommunicator comm = new CpuCommunicator(2);
        assertThatThrownBy(() -> comm.allReduce(new float[][] {new float[4], new float[5]}))
                .hasMessageContaining("differ in length");
        assertThatThrownBy(() -> comm.reduceScatter(new float[][] {new float[5], new float[5]}))
                .hasMessageContaining("do not split into 2 equal chunks");
        assertThatThrownBy(() -> comm.allGather(new float[][] {new float[5]})).hasMessageContaining("1 buffers");
        assertThatThrownBy(() -> new CpuCommunicator(0)).hasMessageContaining("at least 1 rank");
    }

    private float[][] randomBuffers(int ranks, int n) {
        float[][] b = new float[ranks][n];
        for (float[] row : b) {
            for (int i = 0; i < n; i++) {
                row[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return b;
    }
}
