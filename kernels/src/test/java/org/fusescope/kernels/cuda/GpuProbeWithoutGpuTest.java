package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a machine without a CUDA driver sees (CI, laptops); skipped where a GPU is usable. */
class GpuProbeWithoutGpuTest {

    @Test
    void reasonNamesTheDriverLibraryAndWhereItLooked() {
        assumeFalse(Gpu.isAvailable(), "a GPU is usable here");
        String reason = Gpu.unavailableReason();
        if (!Gpu.driverLoaded()) {
            assertThat(reason)
                    .contains("libcuda.so.1")
                    .contains("LD_LIBRARY_PATH")
                    .contains("/usr/local/cuda/targets/x86_64-linux/lib")
                    .contains("java.library.path");
        }
        assertThat(reason).startsWith("No usable CUDA GPU: ");
    }

    @Test
    void everyEntryPointThrowsTheSameOneException() {
        assumeFalse(Gpu.isAvailable(), "a GPU is usable here");
        String reason = Gpu.unavailableReason();
        assertThatThrownBy(() -> CudaContext.open(0))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessage(reason);
        assertThatThrownBy(Gpu::probe)
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessage(reason);
        assertThatThrownBy(Blas::create)
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessage(reason);
        // asking again gives the same answer, not a NoClassDefFoundError from a failed class init
        assertThatThrownBy(() -> CudaContext.open(0))
                .isInstanceOf(GpuUnavailableException.class)
                .hasMessage(reason);
    }

    @Test
    void nvrtcAvailabilityIsAnAnswerNotACrash() {
        String reason = NvrtcCompiler.unavailableReason();
        assertThat(NvrtcCompiler.isAvailable()).isEqualTo(reason.isEmpty());
        if (!reason.isEmpty()) {
            assertThat(reason).contains("libnvrtc.so.13");
            assertThatThrownBy(NvrtcCompiler::create)
                    .isInstanceOf(GpuUnavailableException.class)
                    .hasMessage(reason);
        }
    }

    @Test
    void searchFoldersKeepOrderAndDropDuplicates() {
        List<String> folders = LibrarySearch.folders("/a:/b::/a", "/c:" + LibrarySearch.TOOLKIT_DIR);
        assertThat(folders).startsWith("/a", "/b", LibrarySearch.TOOLKIT_DIR, "/c");
        assertThat(folders).doesNotHaveDuplicates().contains("/usr/lib/x86_64-linux-gnu");
        assertThat(LibrarySearch.where("no-such-library.so.0", folders)).isEqualTo("not found");
    }
}
