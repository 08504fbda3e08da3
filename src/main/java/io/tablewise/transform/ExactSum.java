package io.tablewise.transform;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sum of doubles rounded once, at the end (Shewchuk's partials, as Python's {@code math.fsum}): the same result in
 * whatever order the values come and however they are split into parts and merged — so a statistic a transform
 * learns is bit for bit the same on one computer and on Spark's parts.
 */
public final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private double[] partials = new double[4];
    private int size;
    /** Infinities and NaN, added plainly (the exact sum of finite values does not involve them). */
    private double special;
    private boolean hasSpecial;

    /** Adds {@code x}. */
    public void add(double x) {
        if (!Double.isFinite(x)) {
            special += x;
            hasSpecial = true;
            return;
        }
        int i = 0;
        for (int j = 0; j < size; j++) {
            double y = partials[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        if (i == partials.length) {
            partials = Arrays.copyOf(partials, 2 * partials.length);
        }
        partials[i] = x;
        size = i + 1;
        if (!Double.isFinite(x)) { // the finite values' sum itself overflowed
            size = 0;
            special += x;
            hasSpecial = true;
        }
    }

    /** Adds everything {@code other} holds. */
    public void add(ExactSum other) {
        for (int j = 0; j < other.size; j++) {
            add(other.partials[j]);
        }
        if (other.hasSpecial) {
            special += other.special;
            hasSpecial = true;
        }
    }

    /** The sum, correctly rounded. */
    public double value() {
        if (hasSpecial) {
            return special;
        }
        int n = size;
        if (n == 0) {
            return 0;
        }
        double hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0) {
                break;
            }
        }
        // half-way cases: round as the partials below say
        if (n > 0 && (lo < 0 && partials[n - 1] < 0 || lo > 0 && partials[n - 1] > 0)) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }
}
