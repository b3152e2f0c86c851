package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;

/** HuggingFace's per-head grouped projections regrouped into ours, checked row by row. */
class ProjectionLayoutsTest {
    private static final int HIDDEN = 16;
    /** Hk 2, Hv 6 (three value heads per key head), Dk 8, Dv 16, W 4. */
    private static final LinearAttentionDims GDN = new LinearAttentionDims(HIDDEN, 2, 6, 8, 16, 4);

    /** A row of its own for every (tensor part, head, row in head): unequal to every other. */
    private static short[] row(String part, int head, int r) {
        SplittableRandom random = new SplittableRandom((part + "/" + head + "/" + r).hashCode());
        short[] out = new short[HIDDEN];
        for (int i = 0; i < HIDDEN; i++) {
            out[i] = (short) random.nextInt();
        }
        return out;
    }

    private static List<short[]> block(String part, int head, int rows) {
        List<short[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(row(part, head, r));
        }
        return out;
    }

    @Test
    void gdnInputProjectionIsRegroupedPerValueHead() {
        int group = GDN.valueHeads() / GDN.keyHeads();
        List<short[]> qkvz = new ArrayList<>();
        List<short[]> ba = new ArrayList<>();
        for (int h = 0; h < GDN.keyHeads(); h++) {
            qkvz.addAll(block("q", h, GDN.keyDim()));
            qkvz.addAll(block("k", h, GDN.keyDim()));
            for (int j = 0; j < group; j++) {
                qkvz.addAll(block("v", h * group + j, GDN.valueDim()));
            }
            for (int j = 0; j < group; j++) {
                qkvz.addAll(block("z", h * group + j, GDN.valueDim()));
            }
            for (int j = 0; j < group; j++) {
                ba.add(row("b", h * group + j, 0));
            }
            for (int j = 0; j < group; j++) {
                ba.add(row("a", h * group + j, 0));
            }
        }
        short[] ours = ProjectionLayouts.gdnInProj(HfLayouts.join(qkvz, HIDDEN), HfLayouts.join(ba, HIDDEN), GDN);

        List<short[]> expected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        expect(expected, names, "q", GDN.keyHeads(), GDN.keyDim());
        expect(expected, names, "k", GDN.keyHeads(), GDN.keyDim());
        expect(expected, names, "v", GDN.valueHeads(), GDN.valueDim());
        expect(expected, names, "z", GDN.valueHeads(), GDN.valueDim());
        expect(expected, names, "b", GDN.valueHeads(), 1);
        expect(expected, names, "a", GDN.valueHeads(), 1);
        List<short[]> rows = HfLayouts.rows(ours, HIDDEN);
        assertThat(rows).hasSize(GDN.projectionDim()).hasSize(expected.size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(rows.get(r)).as("row %d should be %s", r, names.get(r)).isEqualTo(expected.get(r));
        }
    }

    private static void expect(List<short[]> rows, List<String> names, String part, int heads, int rowsPerHead) {
        for (int h = 0; h < heads; h++) {
            for (int r = 0; r < rowsPerHead; r++) {
                rows.add(row(part, h, r));
                names.add(part + " head " + h + " row " + r);
            }
        }
    }

    @Test
    void queryAndGateAreSeparated() {
        AttentionDims attention = new AttentionDims(HIDDEN, 3, 1, 8, 2, 1e4);
        List<short[]> hf = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            hf.addAll(block("q", h, 8));
            hf.addAll(block("gate", h, 8));
        }
        List<short[]> rows = HfLayouts.rows(ProjectionLayouts.queryGate(HfLayouts.join(hf, HIDDEN), attention), HIDDEN);
        assertThat(rows).hasSize(2 * 3 * 8);
        for (int h = 0; h < 3; h++) {
            for (int r = 0; r < 8; r++) {
                assertThat(rows.get(h * 8 + r)).as("q head %d row %d", h, r).isEqualTo(row("q", h, r));
                assertThat(rows.get(24 + h * 8 + r))
                        .as("gate head %d row %d", h, r)
                        .isEqualTo(row("gate", h, r));
            }
        }
    }

    @Test
    void theTestsHuggingFaceBuilderIsTheInverse() {
        short[] ours = new short[GDN.projectionDim() * HIDDEN];
        for (int i = 0; i < ours.length; i++) {
            ours[i] = (short) (i * 7 + 3);
        }
        short[] back = ProjectionLayouts.gdnInProj(HfLayouts.inProjQkvz(ours, GDN), HfLayouts.inProjBa(ours, GDN), GDN);
        assertThat(back).isEqualTo(ours);
        short[] qkvz = HfLayouts.inProjQkvz(ours, GDN);
        assertThat(qkvz).isNotEqualTo(Arrays.copyOf(ours, qkvz.length)); // the layouts do differ
    }

    @Test
    void wrongLengthsAreNamed() {
        assertThatThrownBy(() -> ProjectionLayouts.gdnInProj(new short[3], new short[2 * 6 * HIDDEN], GDN))
                .hasMessageContaining("in_proj_qkvz: expected length " + (2 * 16 + 2 * 96) * HIDDEN)
                .hasMessageEndingWith(" but was 3");
        assertThatThrownBy(() -> ProjectionLayouts.queryGate(new short[5], new AttentionDims(HIDDEN, 3, 1, 8, 2, 1e4)))
                .hasMessageContaining("q_proj: expected");
    }
}
