package org.girsanov.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The stdout a command writes to: it knows whether anything has been written, so that {@link Cli} writes its error
 * object, and {@link SignalReport} its "stopped" object, only when the command has not already written its one JSON
 * object. Every method delegates to the target stream (its charset included) inside {@code synchronized (this)}: a check
 * of {@link #written()} in such a block cannot see half a line.
 */
final class OneObjectOut extends PrintStream {
    private final PrintStream target;
    private volatile boolean written;

    private OneObjectOut(PrintStream target) {
        super(OutputStream.nullOutputStream(), true);
        this.target = target;
    }

    /** {@code target} seen through a stream that records whether it was written to. */
    static OneObjectOut of(PrintStream target) {
        return new OneObjectOut(target);
    }

    /** Whether anything has been written. */
    boolean written() {
        return written;
    }

    private void mark() {
        written = true;
    }

    @Override
    public synchronized void write(int b) {
        mark();
        target.write(b);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        if (len > 0) {
            mark();
        }
        target.write(buf, off, len);
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public void close() {
        flush(); // the caller owns the target
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }

    @Override
    public synchronized void print(boolean b) {
        print(String.valueOf(b));
    }

    @Override
    public synchronized void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public synchronized void print(int i) {
        print(String.valueOf(i));
    }

    @Override
    public synchronized void print(long l) {
        print(String.valueOf(l));
    }

    @Override
    public synchronized void print(float f) {
        print(String.valueOf(f));
    }

    @Override
    public synchronized void print(double d) {
        print(String.valueOf(d));
    }

    @Override
    public synchronized void print(char[] s) {
        print(new String(s));
    }

    @Override
    public synchronized void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public synchronized void print(String s) {
        String text = String.valueOf(s);
        if (!text.isEmpty()) {
            mark();
        }
        target.print(text);
    }

    @Override
    public synchronized void println() {
        mark();
        target.println();
    }

    @Override
    public synchronized void println(boolean x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(char x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(int x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(long x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(float x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(double x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(char[] x) {
        println(new String(x));
    }

    @Override
    public synchronized void println(Object x) {
        println(String.valueOf(x));
    }

    @Override
    public synchronized void println(String x) {
        mark();
        target.println(x);
    }

    @Override
    public synchronized PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public synchronized PrintStream printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    @Override
    public synchronized PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public synchronized PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public synchronized PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public synchronized PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public synchronized PrintStream append(char c) {
        print(c);
        return this;
    }
}
