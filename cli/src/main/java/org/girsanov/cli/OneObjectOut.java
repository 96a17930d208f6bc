package org.girsanov.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The stdout a command writes to: it knows whether anything has been written, so that {@link Cli} writes its error
 * object, and {@link SignalReport} its "stopped" object, only when the command has not already written its one JSON
 * object. Every print is atomic with respect to {@code synchronized (this)}, as for any {@link PrintStream}: a check of
 * {@link #written()} inside such a block cannot see half an object.
 */
final class OneObjectOut extends PrintStream {
    private volatile boolean written;

    private OneObjectOut(OutputStream target) {
        super(target, true);
    }

    /** {@code target} seen through a stream that records whether it was written to. */
    static OneObjectOut of(PrintStream target) {
        OneObjectOut[] self = new OneObjectOut[1];
        self[0] = new OneObjectOut(new FilterOutputStream(target) {
            @Override
            public void write(int b) throws IOException {
                self[0].written = true;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    self[0].written = true;
                }
                out.write(b, off, len);
            }
        });
        return self[0];
    }

    /** Whether any byte has been written. */
    boolean written() {
        return written;
    }
}
