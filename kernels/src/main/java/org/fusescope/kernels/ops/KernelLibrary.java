package org.fusescope.kernels.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.kernels.cuda.CompileRequest;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.KernelCache;
import org.fusescope.kernels.cuda.KernelModule;
import org.fusescope.kernels.cuda.KernelSources;
import org.fusescope.kernels.cuda.NvrtcCompiler;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The compiled kernels of one context: each op's source compiled by NVRTC for the device's own
 * architecture with the model's sizes as {@code -D} constants, cubins cached on disk, modules
 * loaded once per (op, sizes). Not thread-safe: use it from the thread that owns the context.
 */
public final class KernelLibrary implements AutoCloseable {
    private final CudaContext context;
    private final KernelCache cache;
    private final Map<String, KernelModule> modules = new HashMap<>();

    public KernelLibrary(CudaContext context, KernelCache cache) {
        this.context = context;
        this.cache = cache;
    }

    /** A library over the default on-disk cubin cache ({@link KernelCache#defaultDirectory()}). */
    public static KernelLibrary open(CudaContext context) {
        return new KernelLibrary(context, new KernelCache(KernelCache.defaultDirectory(), NvrtcCompiler.create()));
    }

    public CudaContext context() {
        return context;
    }

    /** SMs of the device, for persistent grids. */
    public int multiprocessors() {
        return context.properties().multiprocessorCount();
    }

    /** The entry point {@code <op>_kernel} of {@code <op>.cu} compiled for {@code dims}. */
    public CudaFunction function(String op, ModelDims dims) {
        return function(op, op + "_kernel", dims);
    }

    /** The entry point {@code entry} of {@code <op>.cu} compiled for {@code dims}. */
    public CudaFunction function(String op, String entry, ModelDims dims) {
        return function(op, entry, dims.definitions());
    }

    /**
     * The entry point {@code entry} of {@code <op>.cu} compiled with the given {@code -D} constants
     * (e.g. {@link LinearAttentionDims#definitions()}, {@link AttentionDims#definitions()}).
     */
    public CudaFunction function(String op, String entry, Map<String, String> constants) {
        List<String> definitions = constants.entrySet().stream()
                .map(d -> d.getKey() + "=" + d.getValue())
                .toList();
        String key = op + " " + definitions;
        KernelModule module = modules.computeIfAbsent(
                key,
                k -> KernelModule.load(
                        op,
                        cache.cubin(new CompileRequest(
                                KernelSources.load(op), context.smArchitecture(), definitions, false, List.of()))));
        return module.function(entry);
    }

    /** Cubins compiled (not found in the cache) so far. */
    public int compilations() {
        return cache.compilations();
    }

    @Override
    public void close() {
        modules.values().forEach(KernelModule::close);
        modules.clear();
    }
}
