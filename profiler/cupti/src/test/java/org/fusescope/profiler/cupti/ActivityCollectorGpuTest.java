package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMajor;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMinor;
import static org.bytedeco.cuda.global.cudart.cudaDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaDeviceSynchronize;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemset;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: a memset, two copies and 100 launches of an NVRTC-compiled kernel (driver API through
 * JavaCPP's cudart preset) come back as model records. Skipped, with the reason, only where there is
 * no NVIDIA driver; failed where the driver is there but CUPTI does not load ({@link
 * Cuda#requireCupti()}). Prints a summary of everything received to the test output.
 */
class ActivityCollectorGpuTest {
    private static final int LAUNCHES = 100;
    private static final Dim3 GRID = new Dim3(4, 2, 1);
    private static final Dim3 BLOCK = new Dim3(64, 1, 1);
    private static final int ELEMENTS = (int) (GRID.volume() * BLOCK.volume());
    private static final long BYTES = 4L * ELEMENTS;

    @Test
    void recordsKernelsApiCallsCopiesAndSets() {
        Cuda.requireCupti();
        List<ActivityBatch> batches = new ArrayList<>(); // only touched on the writer thread until flush() returns
        long droppedRecords;
        long t0;
        long t1;
        int[] host = new int[ELEMENTS];
        try (ActivityCollector collector = new ActivityCollector(batches::add)) {
            collector.start();
            t0 = Cupti.timestampNs();
            Cuda.check(cudaSetDevice(0), "cudaSetDevice");
            Cuda.check(cudaFree(null), "cudaFree(null)"); // creates the primary context, current on this thread
            CUfunc_st kernel = Cuda.loadKernel(Cuda.compileProbe(computeCapability()), Cuda.PROBE_NAME);
            try (PointerPointer<Pointer> holder = new PointerPointer<>(1L);
                    IntPointer zeros = new IntPointer(ELEMENTS)) {
                Cuda.check(cudaMalloc(holder, BYTES), "cudaMalloc");
                Pointer device = holder.get(0);
                zeros.fill(0);
                Cuda.check(cudaMemset(device, 0xFF, BYTES), "cudaMemset");
                Cuda.check(cudaMemcpy(device, zeros, BYTES, cudaMemcpyHostToDevice), "cudaMemcpy HtoD");
                try (PointerPointer<Pointer> arg = new PointerPointer<>(1L);
                        PointerPointer<Pointer> params = new PointerPointer<>(1L)) {
                    arg.put(0, device); // the kernel's int* argument
                    params.put(0, arg); // void** kernelParams: the address of each argument
                    for (int i = 0; i < LAUNCHES; i++) {
                        Cuda.check(
                                cuLaunchKernel(
                                        kernel,
                                        GRID.x(),
                                        GRID.y(),
                                        GRID.z(),
                                        BLOCK.x(),
                                        BLOCK.y(),
                                        BLOCK.z(),
                                        0,
                                        (CUstream_st) null,
                                        params,
                                        (PointerPointer<?>) null),
                                "cuLaunchKernel");
                    }
                }
                Cuda.check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");
                Cuda.check(cudaMemcpy(zeros, device, BYTES, cudaMemcpyDeviceToHost), "cudaMemcpy DtoH");
                zeros.get(host);
                Cuda.check(cudaFree(device), "cudaFree");
            }
            t1 = Cupti.timestampNs();
            collector.flush();
            droppedRecords = collector.droppedRecords();
            System.out.println("overheadNs=" + collector.overheadNs());
        }
        Received got = Received.of(batches);
        System.out.println(got.summary());
        List<KernelEvent> probes = got.kernels.stream()
                .filter(k -> k.name().equals(Cuda.PROBE_NAME))
                .sorted(Comparator.comparingLong(KernelEvent::correlationId))
                .collect(Collectors.toList());
        List<MemsetEvent> sets =
                got.memsets.stream().filter(m -> m.bytes() == BYTES).collect(Collectors.toList());
        List<MemcpyEvent> htod = got.copies(MemcpyKind.HTOD, BYTES);
        List<MemcpyEvent> dtoh = got.copies(MemcpyKind.DTOH, BYTES);
        assertAll(
                () -> assertTrue(
                        java.util.Arrays.stream(host).allMatch(v -> v == LAUNCHES), "the kernel ran 100 times"),
                () -> assertEquals(LAUNCHES, probes.size(), "probe kernels"),
                () -> assertTrue(
                        probes.stream()
                                .allMatch(
                                        k -> k.grid().equals(GRID) && k.block().equals(BLOCK)),
                        "grid and block"),
                () -> assertTrue(probes.stream().allMatch(k -> k.startNs() < k.endNs()), "start < end"),
                () -> assertTrue(
                        probes.stream().allMatch(k -> k.startNs() >= t0 && k.endNs() <= t1), "inside run window"),
                () -> assertTrue(Received.increasing(probes), "launch order = time order"),
                () -> assertTrue(
                        probes.stream().allMatch(k -> got.launchesOf(k).size() == 1),
                        "one launch ApiCall per kernel, same correlationId"),
                () -> assertTrue(
                        probes.stream().allMatch(k -> got.launchesOf(k).stream()
                                .allMatch(a -> a.globalTid() >> 24
                                        == ProcessHandle.current().pid())),
                        "globalTid's pid"),
                () -> assertEquals(1, sets.size(), "memset of " + BYTES + " bytes"),
                () -> assertTrue(sets.stream().allMatch(m -> m.value() == 0xFF), "memset value"),
                () -> assertEquals(1, htod.size(), "HtoD copy of " + BYTES + " bytes"),
                () -> assertEquals(1, dtoh.size(), "DtoH copy of " + BYTES + " bytes"),
                () -> assertEquals(0, droppedRecords, "dropped records"),
                () -> assertTrue(got.problems.isEmpty(), "problems: " + got.problems));
    }

    private static int computeCapability() {
        int[] major = {0};
        int[] minor = {0};
        Cuda.check(cudaDeviceGetAttribute(major, cudaDevAttrComputeCapabilityMajor, 0), "cc major");
        Cuda.check(cudaDeviceGetAttribute(minor, cudaDevAttrComputeCapabilityMinor, 0), "cc minor");
        return major[0] * 10 + minor[0];
    }
}
