package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchTest {

    @Test
    void dims() {
        assertThat(Dim.of(256)).isEqualTo(new Dim(256, 1, 1));
        assertThat(Dim.of(4, 8).count()).isEqualTo(32);
        assertThat(Dim.cover(1_000_000, 256)).isEqualTo(Dim.of(3907));
        assertThat(Dim.cover(512, 256)).isEqualTo(Dim.of(2));
        assertThatThrownBy(() -> new Dim(1, 0, 1)).hasMessageContaining("(1, 0, 1)");
        assertThatThrownBy(() -> Dim.cover(0, 256)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * {@code cuLaunchKernel} reads argument i from the address in slot i: an int, a long long, a float
     * as 4, 8 and 4 bytes of the given value, a buffer as its device pointer. The buffer is empty, so it
     * needs no GPU.
     */
    @Test
    void eachSlotPointsAtItsArgumentsValue() {
        try (DeviceBuffer empty = DeviceBuffer.allocate("empty", DType.F32, 0)) {
            List<Object> slots = JcudaPointers.targets(KernelLauncher.kernelParams("k", 7, -2L, 1.5f, empty, 0));
            assertThat(slots).hasSize(5);
            assertThat(slots.get(0)).isEqualTo(new int[] {7});
            assertThat(slots.get(1)).isEqualTo(new long[] {-2L});
            assertThat(slots.get(2)).isEqualTo(new float[] {1.5f});
            assertThat(slots.get(3)).isSameAs(empty.pointer());
            assertThat(slots.get(4)).isEqualTo(new int[] {0});
        }
    }

    @Test
    void otherArgumentTypesAreRefusedByIndex() {
        assertThatThrownBy(() -> KernelLauncher.kernelParams("saxpy_kernel", 1, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saxpy_kernel: kernel argument 1 is a java.lang.Double;"
                        + " expected DeviceBuffer, Integer, Long or Float");
        assertThatThrownBy(() -> KernelLauncher.kernelParams("k", (Object) null))
                .hasMessageContaining("kernel argument 0 is null");
    }
}
