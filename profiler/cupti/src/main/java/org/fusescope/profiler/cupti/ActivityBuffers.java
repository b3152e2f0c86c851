package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.cuptiActivityRegisterCallbacks;

import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.cuda.cupti.CUpti_BuffersCallbackCompleteFunc;
import org.bytedeco.cuda.cupti.CUpti_BuffersCallbackRequestFunc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The process-wide CUPTI buffer callbacks: registered once, held in static fields so that the native
 * function pointers stay reachable for the life of the process, and forwarding completed buffers to
 * the one active {@link Handler}. Buffers are {@value #BUFFER_BYTES} bytes from {@code malloc}
 * (16-byte aligned, CUPTI needs 8) and freed after the handler returns. Thread-safe.
 */
final class ActivityBuffers {
    static final long BUFFER_BYTES = 8L << 20;

    /** Receives a completed buffer on a CUPTI thread; must copy what it needs before returning. */
    interface Handler {
        void completed(CUctx_st context, int streamId, BytePointer buffer, long validSize);
    }

    private static CUpti_BuffersCallbackRequestFunc request;
    private static CUpti_BuffersCallbackCompleteFunc complete;
    private static volatile Handler handler;

    private ActivityBuffers() {}

    /** Makes {@code next} the active handler, registering the callbacks with CUPTI on first use. */
    static synchronized void activate(Handler next) {
        if (handler != null) {
            throw new IllegalStateException("another ActivityCollector is recording in this process");
        }
        if (request == null) {
            CUpti_BuffersCallbackRequestFunc newRequest = new Request();
            CUpti_BuffersCallbackCompleteFunc newComplete = new Complete();
            Cupti.check(cuptiActivityRegisterCallbacks(newRequest, newComplete), "cuptiActivityRegisterCallbacks");
            request = newRequest;
            complete = newComplete;
        }
        handler = next;
    }

    /** Stops forwarding to {@code current}; later buffers are freed unread. */
    static synchronized void deactivate(Handler current) {
        if (handler == current) {
            handler = null;
        }
    }

    private static final class Request extends CUpti_BuffersCallbackRequestFunc {
        @Override
        public void call(PointerPointer buffer, SizeTPointer size, SizeTPointer maxNumRecords) {
            Pointer memory = Pointer.malloc(BUFFER_BYTES);
            boolean ok = memory != null && !memory.isNull();
            buffer.put(0, ok ? memory : new Pointer());
            size.put(0, ok ? BUFFER_BYTES : 0); // 0: CUPTI drops records and counts them
            maxNumRecords.put(0, 0); // as many as fit
        }
    }

    private static final class Complete extends CUpti_BuffersCallbackCompleteFunc {
        @Override
        public void call(CUctx_st context, int streamId, BytePointer buffer, long size, long validSize) {
            try {
                Handler current = handler;
                if (current != null && buffer != null && !buffer.isNull()) {
                    current.completed(context, streamId, buffer, validSize);
                }
            } finally {
                if (buffer != null && !buffer.isNull()) {
                    Pointer.free(buffer);
                }
            }
        }
    }
}
