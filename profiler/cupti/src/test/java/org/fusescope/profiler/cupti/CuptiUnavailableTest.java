package org.fusescope.profiler.cupti;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** On machines without the CUDA driver: the probe explains itself and nothing crashes. */
class CuptiUnavailableTest {
    @Test
    void withoutTheDriverTheReasonNamesTheLibrariesAndWhereTheyWereLookedFor() {
        assumeFalse(Cupti.isAvailable(), "CUPTI loads here");
        String reason = Cupti.unavailableReason();
        assertTrue(reason.contains("libcuda.so.1"), reason);
        assertTrue(reason.contains("libcupti.so.13") && reason.contains("libcudart.so.13"), reason);
        assertTrue(reason.contains("LD_LIBRARY_PATH") && reason.contains(CudaLibraries.TOOLKIT_DIR), reason);
        assertTrue(Cupti.unavailableReason() == reason, "probed once");
    }

    @Test
    void withoutTheDriverCallsThrowCuptiExceptions() {
        assumeFalse(Cupti.isAvailable(), "CUPTI loads here");
        assertThrows(CuptiException.class, Cupti::timestampNs);
        try (ActivityCollector collector = new ActivityCollector(batch -> {})) {
            assertThrows(CuptiException.class, collector::start);
            collector.flush();
        }
    }

    @Test
    void theSearchListsTheUserFoldersFirstWithoutDuplicates() {
        List<String> folders = CudaLibraries.folders("/opt/a:/opt/b::", "/opt/b");
        assertTrue(folders.indexOf("/opt/a") == 0 && folders.indexOf("/opt/b") == 1, folders.toString());
        assertTrue(folders.indexOf(CudaLibraries.TOOLKIT_DIR) == 2, folders.toString());
        assertTrue(folders.stream().filter("/opt/b"::equals).count() == 1, folders.toString());
    }
}
