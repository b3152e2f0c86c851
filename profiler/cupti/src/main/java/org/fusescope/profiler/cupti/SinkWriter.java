package org.fusescope.profiler.cupti;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer thread: takes {@link ActivityBatch}es from a bounded queue and hands them to the
 * {@link Sink}, so that CUPTI's thread never waits on the sink. {@link #submit} never blocks: when
 * the writer is {@link #CAPACITY} buffers behind, the batch is lost and counted ({@link
 * #lostRecords()}). {@link #submit} is safe from any thread; {@link #drain} and {@link #close} from
 * the owner's thread.
 */
final class SinkWriter implements AutoCloseable {
    /** Batches (one per CUPTI buffer, at most 8 MiB of records each) queued before batches are lost. */
    static final int CAPACITY = 16;

    private static final Object STOP = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY + 2);
    private final Sink sink;
    private final Thread thread;
    private final AtomicLong lostRecords = new AtomicLong();
    private volatile RuntimeException failure;

    SinkWriter(Sink sink) {
        this.sink = sink;
        this.thread = new Thread(this::run, "fusescope-cupti-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a batch without waiting; false (and the records counted as lost) when the queue is full. */
    boolean submit(ActivityBatch batch) {
        if (batch.isEmpty()) {
            return true;
        }
        boolean queued = queue.size() < CAPACITY && queue.offer(batch);
        if (!queued) {
            lostRecords.addAndGet(batch.size());
        }
        return queued;
    }

    /** Waits until every batch submitted before this call has been given to the sink. */
    void drain() {
        CountDownLatch done = new CountDownLatch(1);
        putUninterruptibly(done);
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records lost because the queue was full. */
    long lostRecords() {
        return lostRecords.get();
    }

    /** The first exception the sink threw, or null. */
    RuntimeException failure() {
        return failure;
    }

    /** Gives the queued batches to the sink, then ends the thread. */
    @Override
    public void close() {
        putUninterruptibly(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                continue; // only close() ends this thread, so that no batch is left behind
            }
            if (item == STOP) {
                return;
            } else if (item instanceof CountDownLatch) {
                ((CountDownLatch) item).countDown();
            } else if (failure == null) {
                try {
                    sink.accept((ActivityBatch) item);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
    }
}
