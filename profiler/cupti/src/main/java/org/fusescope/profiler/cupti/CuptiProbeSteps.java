package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.cuptiGetVersion;

import org.bytedeco.cuda.global.cupti;
import org.bytedeco.javacpp.Loader;

/**
 * The native calls of {@link Cupti}'s probe, so that CPU tests can replay each outcome with a fake. A
 * step that cannot load its library throws the loader's {@link LinkageError}.
 */
interface CuptiProbeSteps {
    /** Loads {@code libcuda.so.1} by name, the way the dynamic loader finds it. */
    void loadDriverLibrary();

    /** Loads JavaCPP's CUPTI binding (and the cudart binding under it). */
    void loadCupti();

    /** {@code cuptiGetVersion}'s result code. */
    int version();

    /** The real steps. */
    CuptiProbeSteps NATIVE = new CuptiProbeSteps() {
        @Override
        public void loadDriverLibrary() {
            Loader.loadGlobal("libcuda.so.1");
        }

        @Override
        public void loadCupti() {
            Loader.load(cupti.class);
        }

        @Override
        public int version() {
            return cuptiGetVersion(new int[1]);
        }
    };
}
