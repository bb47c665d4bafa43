package org.audiu.core.dataset;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a CSV file's records on a second thread while the caller turns them into rows: splitting the text into
 * fields and building tracks (parsing numbers, names) take about the same time, so on two cores a large file reads
 * in a little more than half the time. The caller sees exactly what a loop over {@link CsvRecordReader#next} gives,
 * in file order: each record, and each problem the reader reports, at its place between the records; a read error
 * comes after the records read before it. One use per instance.
 */
final class CsvReadAhead implements CsvRecordReader.Problems {
    /** Records handed over at a time. */
    private static final int BATCH = 512;
    /** Batches read ahead at most (bounds the memory to a few thousand records). */
    private static final int QUEUED = 16;
    private static final List<Item> END = List.of();

    /** What the caller receives, in file order. */
    interface Receiver {
        void record(CsvRecordReader.Row row) throws IOException;

        void problem(long line, String reason);
    }

    /** A record, or a problem the reader reported (row null). */
    private record Item(CsvRecordReader.Row row, long line, String reason) {
    }

    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Throwable failure;
    /** The reading thread's batch being filled (only that thread touches it). */
    private List<Item> filling = new ArrayList<>(BATCH);

    /**
     * The reader's problems while {@link #run} reads: called on the reading thread, which is the one calling
     * {@link CsvRecordReader#next}. The caller routes the reader's {@link CsvRecordReader.Problems} here.
     */
    @Override
    public void report(long line, String reason) {
        filling.add(new Item(null, line, reason));
    }

    /** Reads every remaining record of {@code records} on a new thread and hands each to {@code receiver} here. */
    void run(CsvRecordReader records, Receiver receiver) throws IOException {
        Thread reading = new Thread(() -> read(records), "audiu-csv-reader");
        reading.setDaemon(true);
        reading.start();
        try {
            while (true) {
                List<Item> items = queue.take();
                if (items == END) {
                    break;
                }
                for (Item item : items) {
                    if (item.row() != null) {
                        receiver.record(item.row());
                    } else {
                        receiver.problem(item.line(), item.reason());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a CSV file");
        } finally {
            stopped.set(true);
            queue.clear();
            join(reading);
        }
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error error) {
            throw error;
        }
        if (f != null) {
            throw new UncheckedIOException(new IOException(f));
        }
    }

    private void read(CsvRecordReader records) {
        try {
            for (CsvRecordReader.Row row = records.next(); row != null && !stopped.get(); row = records.next()) {
                filling.add(new Item(row, row.line(), null));
                if (filling.size() >= BATCH) {
                    hand(filling);
                    filling = new ArrayList<>(BATCH);
                }
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (!filling.isEmpty()) {
                hand(filling);
            }
            hand(END);
        }
    }

    /** Queues a batch, waiting while the caller is behind; gives up once the caller has stopped. */
    private void hand(List<Item> items) {
        try {
            while (!stopped.get()) {
                if (queue.offer(items, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
