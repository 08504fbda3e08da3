package io.tablewise.transform;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tablewise.node.NodeException;

/**
 * The power transform's fit — lambda by maximum likelihood (golden-section search on [-5, 5], 80 steps, as
 * {@link PowerMath}), then the mean and deviation of the transformed values — written over exact sums of functions of
 * each column's values ({@link Pass}), so the embedded engine (arrays) and Spark (one job per pass over its parts) run
 * the very same search on the very same numbers and learn the same state. All columns search in step: each step is two
 * passes over the rows for all of them.
 */
public final class PowerFit {
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int STEPS = 80;

    private PowerFit() {
    }

    /** A function of one value, shipped to where the values are. */
    public interface ValueFunction extends Serializable {
        double of(double x);
    }

    /** Exact sums over each column's present values: {@code result[c][k]} sums {@code fs[c][k]} over column c. */
    public interface Pass {
        ExactSum[][] sums(ValueFunction[][] fs) throws NodeException;
    }

    /**
     * The fitted state of the power transform of {@code columns} with {@code counts} present values each.
     *
     * @throws NodeException Box-Cox on a column with zeros or negatives
     */
    public static FittedState fit(List<String> columns, long[] counts, String method, Pass pass)
            throws NodeException {
        boolean boxCox = method.equals("box-cox");
        int k = columns.size();
        ValueFunction[][] first = new ValueFunction[k][];
        for (int c = 0; c < k; c++) {
            first[c] = new ValueFunction[] {boxCox ? Math::log : x -> Math.signum(x) * Math.log1p(Math.abs(x)),
                x -> x <= 0 ? 1 : 0};
        }
        ExactSum[][] s = pass.sums(first);
        double[] jacobian = new double[k];
        for (int c = 0; c < k; c++) {
            if (boxCox && s[c][1].value() > 0) {
                throw new NodeException("method", "Box-Cox needs positive values, but '" + columns.get(c)
                        + "' has zeros or negatives; use Yeo-Johnson");
            }
            jacobian[c] = s[c][0].value();
        }
        double[] a = new double[k];
        double[] b = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int c = 0; c < k; c++) {
            a[c] = -5;
            b[c] = 5;
            lo[c] = b[c] - GOLDEN * (b[c] - a[c]);
            hi[c] = a[c] + GOLDEN * (b[c] - a[c]);
        }
        for (int step = 0; step < STEPS; step++) {
            double[][] ll = logLikelihoods(pass, counts, jacobian, new double[][] {lo, hi}, boxCox);
            for (int c = 0; c < k; c++) {
                if (ll[0][c] > ll[1][c]) {
                    b[c] = hi[c];
                } else {
                    a[c] = lo[c];
                }
                lo[c] = b[c] - GOLDEN * (b[c] - a[c]);
                hi[c] = a[c] + GOLDEN * (b[c] - a[c]);
            }
        }
        double[] lambda = new double[k];
        for (int c = 0; c < k; c++) {
            lambda[c] = counts[c] < 2 ? 1 : (a[c] + b[c]) / 2;
        }
        double[][] moments = moments(pass, counts, new double[][] {lambda}, boxCox)[0];
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            double mean = moments[0][c];
            double variance = moments[1][c];
            out.put(columns.get(c), Map.of("method", method.toLowerCase(Locale.ROOT), "lambda", lambda[c], "mean",
                    mean, "std", Math.sqrt(variance)));
        }
        return FittedState.perColumn(out);
    }

    /** The log-likelihood of each column at each of {@code lambdas[j][c]}: {@code [j][c]}. */
    private static double[][] logLikelihoods(Pass pass, long[] counts, double[] jacobian, double[][] lambdas,
                                             boolean boxCox) throws NodeException {
        double[][][] m = moments(pass, counts, lambdas, boxCox);
        double[][] out = new double[lambdas.length][counts.length];
        for (int j = 0; j < lambdas.length; j++) {
            for (int c = 0; c < counts.length; c++) {
                double variance = m[j][1][c];
                out[j][c] = !(variance > 0) ? Double.NEGATIVE_INFINITY
                        : -counts[c] / 2.0 * Math.log(variance) + (lambdas[j][c] - 1) * jacobian[c];
            }
        }
        return out;
    }

    /**
     * The mean ({@code [j][0][c]}) and population variance ({@code [j][1][c]}) of each column transformed with
     * {@code lambdas[j][c]}: two passes, exact sums (NaN means for columns without values).
     */
    private static double[][][] moments(Pass pass, long[] counts, double[][] lambdas, boolean boxCox)
            throws NodeException {
        int k = counts.length;
        ValueFunction[][] sums = new ValueFunction[k][lambdas.length];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < lambdas.length; j++) {
                double lambda = lambdas[j][c];
                sums[c][j] = x -> PowerMath.transform(x, lambda, boxCox);
            }
        }
        ExactSum[][] first = pass.sums(sums);
        double[][][] out = new double[lambdas.length][2][k];
        ValueFunction[][] squares = new ValueFunction[k][lambdas.length];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < lambdas.length; j++) {
                double lambda = lambdas[j][c];
                double mean = counts[c] == 0 ? Double.NaN : first[c][j].value() / counts[c];
                out[j][0][c] = mean;
                squares[c][j] = x -> {
                    double d = PowerMath.transform(x, lambda, boxCox) - mean;
                    return d * d;
                };
            }
        }
        ExactSum[][] second = pass.sums(squares);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < lambdas.length; j++) {
                out[j][1][c] = counts[c] == 0 ? Double.NaN : second[c][j].value() / counts[c];
            }
        }
        return out;
    }

    /** The columns the power transform with {@code p} fits on a table of {@code schema}. */
    public static List<String> columns(io.tablewise.node.TableSchema schema, io.tablewise.node.NodeParams p)
            throws NodeException {
        return Columns.chosen(schema, p, NumericColumnsTransform.COLUMNS, true);
    }

    /** The pass over columns held as arrays of their present values (the embedded engine). */
    public static Pass over(double[][] values) {
        return fs -> {
            ExactSum[][] out = new ExactSum[fs.length][];
            for (int c = 0; c < fs.length; c++) {
                out[c] = new ExactSum[fs[c].length];
                for (int j = 0; j < fs[c].length; j++) {
                    ExactSum s = new ExactSum();
                    for (double x : values[c]) {
                        s.add(fs[c][j].of(x));
                    }
                    out[c][j] = s;
                }
            }
            return out;
        };
    }
}
