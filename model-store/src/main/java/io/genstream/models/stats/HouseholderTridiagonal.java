package io.genstream.models.stats;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, {@code A = Q T Q^T} (EISPACK's {@code tred2},
 * as in the public-domain JAMA library; Golub and Van Loan, Matrix Computations, section 8.3.1): the first step
 * of {@link SymmetricEigen}.
 */
final class HouseholderTridiagonal {

    private HouseholderTridiagonal() {
    }

    /**
     * Reduces the symmetric matrix in {@code v} (lower triangle read) in place.
     *
     * @param v on entry the matrix A; on return Q, whose columns the QL step goes on rotating into eigenvectors
     * @param d on return the diagonal of T
     * @param e on return the sub-diagonal of T in {@code e[1..n-1]} ({@code e[0]} is 0)
     */
    static void reduce(double[][] v, double[] d, double[] e) {
        int n = d.length;
        System.arraycopy(v[n - 1], 0, d, 0, n);
        for (int i = n - 1; i > 0; i--) {
            // Scale the row to avoid under- and overflow in the reflector.
            double scale = 0;
            double h = 0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0;
                    v[j][i] = 0;
                }
            } else {
                h = reflectRow(v, d, e, i, scale);
            }
            d[i] = h;
        }
        accumulate(v, d, e);
    }

    /** Builds the Householder vector of row i and applies the similarity transform; returns its h. */
    private static double reflectRow(double[][] v, double[] d, double[] e, int i, double scale) {
        double h = 0;
        for (int k = 0; k < i; k++) {
            d[k] /= scale;
            h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
            e[j] = 0;
        }
        for (int j = 0; j < i; j++) {
            f = d[j];
            v[j][i] = f;
            g = e[j] + v[j][j] * f;
            for (int k = j + 1; k <= i - 1; k++) {
                g += v[k][j] * d[k];
                e[k] += v[k][j] * f;
            }
            e[j] = g;
        }
        f = 0;
        for (int j = 0; j < i; j++) {
            e[j] /= h;
            f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
            e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
            f = d[j];
            g = e[j];
            for (int k = j; k <= i - 1; k++) {
                v[k][j] -= f * e[k] + g * d[k];
            }
            d[j] = v[i - 1][j];
            v[i][j] = 0;
        }
        return h;
    }

    /** Multiplies the reflectors together into Q, left in v; d gets T's diagonal. */
    private static void accumulate(double[][] v, double[] d, double[] e) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1;
            double h = d[i + 1];
            if (h != 0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0;
        }
        v[n - 1][n - 1] = 1;
        e[0] = 0;
    }
}
