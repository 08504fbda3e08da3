package io.tablewise.explain;

/**
 * Gauss-Legendre quadrature on [0, 1]: {@code n} nodes and weights that integrate every polynomial of degree below
 * {@code 2n} exactly (up to rounding). Nodes are the roots of the Legendre polynomial, found by Newton's method.
 */
record GaussLegendre(double[] nodes, double[] weights) {
    /** The most nodes a rule is kept for (paths of up to 30 distinct features need 15). */
    static final int MOST = 16;
    private static final GaussLegendre[] RULES = new GaussLegendre[MOST + 1];

    static {
        for (int n = 1; n <= MOST; n++) {
            RULES[n] = compute(n);
        }
    }

    /** The rule of {@code n} nodes (1 to {@link #MOST}). */
    static GaussLegendre of(int n) {
        return RULES[Math.max(1, n)];
    }

    private static GaussLegendre compute(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double root = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = root;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * root * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                double pn = n == 1 ? root : p1;
                double pnm1 = n == 1 ? 1 : p0;
                derivative = n * (root * pn - pnm1) / (root * root - 1);
                double step = pn / derivative;
                root -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            // from [-1, 1] to [0, 1]
            x[i] = (1 - root) / 2;
            w[i] = 1 / ((1 - root * root) * derivative * derivative);
        }
        return new GaussLegendre(x, w);
    }
}
