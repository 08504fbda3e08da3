package io.tablewise.transform;

/**
 * Yeo-Johnson and Box-Cox transforms and the maximum-likelihood choice of their exponent (as scikit-learn's
 * PowerTransformer): the log-likelihood of a Gaussian fit to the transformed values plus the Jacobian term,
 * maximised over lambda in [-5, 5] by golden-section search.
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

    static double logLikelihood(double[] v, double lambda, boolean boxCox) {
        int n = v.length;
        double mean = 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = transform(v[i], lambda, boxCox);
            mean += t[i] / n;
        }
        double var = 0;
        for (double x : t) {
            var += (x - mean) * (x - mean) / n;
        }
        if (var <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double jacobian = 0;
        for (double x : v) {
            jacobian += boxCox ? Math.log(x) : Math.signum(x) * Math.log1p(Math.abs(x));
        }
        return -n / 2.0 * Math.log(var) + (lambda - 1) * jacobian;
    }

    static double bestLambda(double[] v, boolean boxCox) {
        if (v.length < 2) {
            return 1;
        }
        double a = -5;
        double b = 5;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        for (int i = 0; i < 80; i++) {
            if (logLikelihood(v, c, boxCox) > logLikelihood(v, d, boxCox)) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return (a + b) / 2;
    }
}
