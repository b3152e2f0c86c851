package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CUDA layer end to end on a real GPU; skipped with the reason only where there is no NVIDIA driver. */
class GpuSmokeTest {
    private static final int N = 1 << 20;
    private static final byte POISON = (byte) 0xFF; // bf16 and f32 NaN: unwritten outputs fail

    private static CudaContext context;
    private static CudaStream stream;

    @BeforeAll
    static void open() {
        if (Gpu.isAvailable()) {
            context = CudaContext.open(0);
            stream = CudaStream.create();
        }
    }

    @BeforeEach
    void needsGpu() {
        // per test, so each one is reported as skipped or failed with the reason
        GpuTests.requireGpu();
        context.makeCurrent();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            stream.close();
            context.close();
        }
    }

    @Test
    void deviceProperties() {
        DeviceProperties p = context.properties();
        assertThat(p.name()).isNotBlank();
        assertThat(p.multiprocessorCount()).isPositive();
        assertThat(context.smArchitecture()).isGreaterThanOrEqualTo(70);
        assertThat(p.totalMemoryBytes()).isPositive();
        assertThat(p.theoreticalBandwidthBytesPerSecond()).isGreaterThan(1e11);
    }

    @Test
    void uploadDownloadRoundTrip() {
        Random random = new Random(1);
        float[] f = new float[4097];
        int[] ints = new int[f.length];
        short[] bf = new short[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) random.nextGaussian();
            ints[i] = random.nextInt();
            bf[i] = Bf16.fromFloat(f[i]);
        }
        try (DeviceBuffer df = DeviceBuffer.allocate("f", DType.F32, f.length);
                DeviceBuffer di = DeviceBuffer.allocate("i", DType.I32, ints.length);
                DeviceBuffer db = DeviceBuffer.allocate("b", DType.BF16, 1, bf.length)) {
            df.upload(f);
            di.upload(ints);
            db.upload(bf);
            float[] f2 = new float[f.length];
            int[] i2 = new int[ints.length];
            short[] b2 = new short[bf.length];
            df.download(f2);
            di.download(i2);
            db.download(b2);
            assertThat(f2).containsExactly(f);
            assertThat(i2).containsExactly(ints);
            assertThat(b2).containsExactly(bf);

            ByteBuffer in = ByteBuffer.allocateDirect((int) df.bytes()).order(ByteOrder.nativeOrder());
            in.asFloatBuffer().put(f);
            ByteBuffer out = ByteBuffer.allocateDirect((int) df.bytes()).order(ByteOrder.nativeOrder());
            df.fillAsync(POISON, stream);
            df.uploadAsync(in, stream);
            df.downloadAsync(out, stream);
            stream.synchronize();
            float[] f3 = new float[f.length];
            out.asFloatBuffer().get(f3);
            assertThat(f3).containsExactly(f);
        }
    }

    @Test
    void nvrtcKernelEventsAndGraph(@TempDir Path cacheDir) {
        float[] x = new float[N];
        Random random = new Random(2);
        for (int i = 0; i < N; i++) {
            x[i] = random.nextFloat() * 4 - 2;
        }
        float a = 1.75f;
        float b = -0.25f;
        float[] expected = new float[N];
        for (int i = 0; i < N; i++) {
            expected[i] = Math.fma(a, x[i], b);
        }
        KernelCache cache = new KernelCache(cacheDir, NvrtcCompiler.create());
        byte[] cubin = cache.cubin(CompileRequest.of(NvrtcCompilerTest.AXPB, context.smArchitecture()));
        try (KernelModule module = KernelModule.load("axpb", cubin);
                DeviceBuffer dx = DeviceBuffer.allocate("x", DType.F32, N);
                DeviceBuffer dy = DeviceBuffer.allocate("y", DType.F32, N);
                CudaEvent start = CudaEvent.create();
                CudaEvent stop = CudaEvent.create()) {
            CudaFunction f = module.function("axpb_kernel");
            assertThat(f.registers()).isPositive();
            assertThat(f.maxThreadsPerBlock()).isGreaterThanOrEqualTo(256);
            dx.upload(x);
            dy.fill(POISON);
            Runnable launch =
                    () -> KernelLauncher.launch(f, Dim.cover(N, 256), Dim.of(256), 0, stream, dx, dy, a, b, N);

            start.record(stream);
            launch.run();
            stop.record(stream);
            stop.synchronize();
            assertThat(stop.elapsedMillis(start)).isPositive();
            float[] y = new float[N];
            dy.download(y);
            ArrayAssertions.assertSameFloats("eager launch", expected, y);

            dy.fill(POISON);
            try (CudaGraph graph = CudaGraph.capture(stream, launch)) {
                graph.launch(stream);
                stream.synchronize();
            }
            float[] y2 = new float[N];
            dy.download(y2);
            ArrayAssertions.assertSameFloats("graph launch", expected, y2);
        }
    }

    @Test
    void cublasLinearMatchesAFloat64Reference() {
        int m = 3;
        int n = 512;
        int k = 256;
        Random random = new Random(3);
        short[] x = randomBf16(random, m * k);
        short[] w = randomBf16(random, n * k);
        double[] ref = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += (double) Bf16.toFloat(x[i * k + c]) * Bf16.toFloat(w[j * k + c]);
                }
                ref[i * n + j] = s;
            }
        }
        try (Blas blas = Blas.create();
                DeviceBuffer dx = DeviceBuffer.allocate("x", DType.BF16, m, k);
                DeviceBuffer dw = DeviceBuffer.allocate("w", DType.BF16, n, k);
                DeviceBuffer y32 = DeviceBuffer.allocate("y32", DType.F32, m, n);
                DeviceBuffer y16 = DeviceBuffer.allocate("y16", DType.BF16, m, n);
                DeviceBuffer w1 = DeviceBuffer.allocate("w1", DType.BF16, 1, k);
                DeviceBuffer g = DeviceBuffer.allocate("g", DType.F32, m, 1)) {
            dx.upload(x);
            dw.upload(w);
            y32.fill(POISON);
            y16.fill(POISON);
            blas.linear(stream, dx, dw, y32);
            blas.linear(stream, dx, dw, y16);
            short[] firstRow = new short[k];
            System.arraycopy(w, 0, firstRow, 0, k);
            w1.upload(firstRow);
            g.fill(POISON);
            blas.gemv(stream, dx, w1, g);
            stream.synchronize();
            float[] out32 = new float[m * n];
            y32.download(out32);
            short[] out16 = new short[m * n];
            y16.download(out16);
            float[] gate = new float[m];
            g.download(gate);
            assertThat(relativeError(out32, ref)).isLessThan(1e-2);
            assertThat(relativeError(Bf16.toFloats(out16), ref)).isLessThan(1e-2);
            for (int i = 0; i < m; i++) {
                assertThat((double) gate[i])
                        .isCloseTo(ref[i * n], org.assertj.core.data.Offset.offset(1e-2 * Math.abs(ref[i * n]) + 1e-3));
            }
        }
    }

    /**
     * The handle follows the stream it is given: a GEMM first on the fixture's stream, then one captured
     * on another stream into a graph (a handle left on the first stream would launch outside the capture
     * and the graph would write nothing).
     */
    @Test
    void cublasFollowsTheStreamIntoAGraphCapture() {
        int m = 2;
        int n = 64;
        int k = 128;
        Random random = new Random(5);
        short[] x = randomBf16(random, m * k);
        short[] w = randomBf16(random, n * k);
        try (Blas blas = Blas.create();
                CudaStream other = CudaStream.create();
                DeviceBuffer dx = DeviceBuffer.allocate("x", DType.BF16, m, k);
                DeviceBuffer dw = DeviceBuffer.allocate("w", DType.BF16, n, k);
                DeviceBuffer first = DeviceBuffer.allocate("first", DType.F32, m, n);
                DeviceBuffer captured = DeviceBuffer.allocate("captured", DType.F32, m, n)) {
            dx.upload(x);
            dw.upload(w);
            first.fill(POISON);
            captured.fill(POISON);
            blas.linear(stream, dx, dw, first);
            stream.synchronize();
            try (CudaGraph graph = CudaGraph.capture(other, () -> blas.linear(other, dx, dw, captured))) {
                graph.launch(other);
                other.synchronize();
            }
            float[] a = new float[m * n];
            float[] b = new float[m * n];
            first.download(a);
            captured.download(b);
            assertThat(b).as("the captured GEMM's output").containsExactly(a);
            assertThat(Float.isNaN(a[0])).isFalse();
        }
    }

    private static short[] randomBf16(Random random, int count) {
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = Bf16.fromFloat((float) random.nextGaussian());
        }
        return out;
    }

    /** ‖got − ref‖₂ / ‖ref‖₂; NaN (an unwritten, poisoned output) makes it NaN, which fails the bound. */
    private static double relativeError(float[] got, double[] ref) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < ref.length; i++) {
            diff += (got[i] - ref[i]) * (got[i] - ref[i]);
            norm += ref[i] * ref[i];
        }
        double e = Math.sqrt(diff / norm);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }
}
