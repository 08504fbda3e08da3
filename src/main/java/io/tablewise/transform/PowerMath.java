package io.tablewise.transform;

/**
 * Yeo-Johnson and Box-Cox transforms and the log-likelihood of their exponent (as scikit-learn's PowerTransformer):
 * a Gaussian fit to the transformed values plus the Jacobian term; {@link PowerFit} maximises it.
 */
final class PowerMath {
    private PowerMath() {
    }

    static double transform(double x, double lambda, boolean boxCox) {
        if (boxCox) {
            return Math.abs(lambda) < 1e-12 ? Math.log(x) : (Math.pow(x, lambda) - 1) / lambda;
        }
        if (x >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    /** The log-likelihood of lambda for the values {@code v} (exact sums, as {@link PowerFit} computes it). */
    static double logLikelihood(double[] v, double lambda, boolean boxCox) {
        int n = v.length;
        ExactSum sum = new ExactSum();
        for (double x : v) {
            sum.add(transform(x, lambda, boxCox));
        }
        double mean = sum.value() / n;
        ExactSum squares = new ExactSum();
        ExactSum jacobian = new ExactSum();
        for (double x : v) {
            double d = transform(x, lambda, boxCox) - mean;
            squares.add(d * d);
            jacobian.add(boxCox ? Math.log(x) : Math.signum(x) * Math.log1p(Math.abs(x)));
        }
        double var = squares.value() / n;
        if (!(var > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -n / 2.0 * Math.log(var) + (lambda - 1) * jacobian.value();
    }
}
