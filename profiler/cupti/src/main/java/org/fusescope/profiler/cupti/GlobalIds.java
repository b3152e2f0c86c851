package org.fusescope.profiler.cupti;

/**
 * The serialized ids of Nsight Systems: a thread is {@code (pid << 24) | (tid & 0xFFFFFF)}, so the
 * process id sits in bits 24..55 and the low 24 bits of the thread id below it. Thread-safe
 * (stateless).
 */
public final class GlobalIds {
    private static final long TID_MASK = 0xFFFFFFL;

    private GlobalIds() {}

    /** The global thread id of thread {@code tid} of process {@code pid} (both as CUPTI's unsigned 32-bit values). */
    public static long tid(int pid, int tid) {
        return (Integer.toUnsignedLong(pid) << 24) | (Integer.toUnsignedLong(tid) & TID_MASK);
    }

    /** The global process id ({@code pid << 24}) that GPU rows carry. */
    public static long pid(int pid) {
        return Integer.toUnsignedLong(pid) << 24;
    }
}
