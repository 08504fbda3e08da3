package io.tablewise.forecast;

import java.util.Arrays;
import java.util.function.Function;

/** The Nelder–Mead simplex search for a minimum of a function of a few unbounded coordinates. */
final class NelderMead {
    private NelderMead() {
    }

    static double[] minimise(Function<double[], Double> f, double[] start, int iterations) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < d; i++) {
            double[] p = start.clone();
            p[i] += 1.0;
            simplex[i + 1] = p;
        }
        for (int i = 0; i <= d; i++) {
            values[i] = f.apply(simplex[i]);
        }
        for (int it = 0; it < iterations; it++) {
            Integer[] order = new Integer[d + 1];
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[][] s = new double[d + 1][];
            double[] v = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                s[i] = simplex[order[i]];
                v[i] = values[order[i]];
            }
            System.arraycopy(s, 0, simplex, 0, d + 1);
            System.arraycopy(v, 0, values, 0, d + 1);
            if (Math.abs(values[d] - values[0]) <= 1e-10 * (Math.abs(values[0]) + 1e-10)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            double[] reflected = move(centroid, simplex[d], -1);
            double fr = f.apply(reflected);
            if (fr < values[0]) {
                double[] expanded = move(centroid, simplex[d], -2);
                double fe = f.apply(expanded);
                simplex[d] = fe < fr ? expanded : reflected;
                values[d] = Math.min(fe, fr);
            } else if (fr < values[d - 1]) {
                simplex[d] = reflected;
                values[d] = fr;
            } else {
                double[] contracted = move(centroid, simplex[d], 0.5);
                double fc = f.apply(contracted);
                if (fc < values[d]) {
                    simplex[d] = contracted;
                    values[d] = fc;
                } else {
                    for (int i = 1; i <= d; i++) {
                        simplex[i] = move(simplex[0], simplex[i], 0.5);
                        values[i] = f.apply(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** {@code c + t (p - c)}. */
    private static double[] move(double[] c, double[] p, double t) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] + t * (p[i] - c[i]);
        }
        return out;
    }
}
