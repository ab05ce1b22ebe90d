package io.genstream.models.train;

/**
 * The Fréchet distance between two Gaussians (Dowson & Landau, 1982), as FID uses it (Heusel et
 * al., 2017): {@code d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½)}. The trace of the matrix square
 * root is taken as {@code Σ √λᵢ} over the eigenvalues of the symmetric {@code Σ₁^½ Σ₂ Σ₁^½}, which
 * has the eigenvalues of {@code Σ₁Σ₂}; eigenvalues that rounding makes slightly negative count
 * as 0. Only what the digits-eval manifest's figures need; the serving side computes its own.
 */
final class FrechetDistance {

    private FrechetDistance() {}

    static double between(FeatureGaussian a, FeatureGaussian b) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("dimensions differ: " + a.dim() + " and " + b.dim());
        }
        int n = a.dim();
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < n; i++) {
            double d = a.mean()[i] - b.mean()[i];
            meanTerm += d * d;
            traces += a.covariance()[i][i] + b.covariance()[i][i];
        }
        double[][] root = squareRoot(a.covariance());
        double[][] product = multiply(multiply(root, b.covariance()), root);
        double traceOfRoot = 0;
        for (double lambda : SymmetricEigen.of(symmetrised(product)).values()) {
            traceOfRoot += Math.sqrt(Math.max(lambda, 0));
        }
        return meanTerm + traces - 2 * traceOfRoot;
    }

    /** {@code V diag(√λ) Vᵀ}: the symmetric square root of a positive semi-definite matrix. */
    static double[][] squareRoot(double[][] symmetric) {
        SymmetricEigen eigen = SymmetricEigen.of(symmetric);
        int n = symmetric.length;
        double[][] root = new double[n][n];
        for (int k = 0; k < n; k++) {
            double s = Math.sqrt(Math.max(eigen.values()[k], 0));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    root[i][j] += eigen.vectors()[i][k] * s * eigen.vectors()[j][k];
                }
            }
        }
        return root;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }

    /** {@code (M + Mᵀ) / 2}: removes the asymmetry rounding leaves in a product that is symmetric in theory. */
    private static double[][] symmetrised(double[][] m) {
        int n = m.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = (m[i][j] + m[j][i]) / 2;
            }
        }
        return out;
    }
}
