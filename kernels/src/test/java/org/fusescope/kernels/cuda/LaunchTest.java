package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void scalarArgumentsBecomePointers() {
        assertThat(KernelLauncher.kernelParams("k", 1, 2L, 3f)).isNotNull();
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
