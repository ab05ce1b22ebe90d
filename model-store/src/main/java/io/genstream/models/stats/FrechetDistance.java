package io.genstream.models.stats;

/**
 * The Fréchet distance between two Gaussians, as FID uses it (Heusel et al. 2017, "GANs Trained by a Two
 * Time-Scale Update Rule Converge to a Local Nash Equilibrium"):
 *
 * <pre>d^2 = ||mu1 - mu2||^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2))</pre>
 *
 * the squared 2-Wasserstein distance between N(mu1, S1) and N(mu2, S2) (Dowson and Landau 1982). Reported squared,
 * like FID. Zero for identical Gaussians, symmetric, never negative.
 *
 * <p>How the trace of the square root is computed: S1 S2 is not symmetric, but when S1 is positive definite it is
 * similar to the symmetric positive semi-definite {@code M = S1^(1/2) S2 S1^(1/2)}
 * ({@code S1 S2 = S1^(1/2) M S1^(-1/2)}), and by continuity they share their eigenvalues for semi-definite S1 too.
 * So {@code Tr((S1 S2)^(1/2)) = sum_i sqrt(lambda_i(M))}. Both S1^(1/2) and the eigenvalues of M come from the
 * eigendecomposition of symmetric matrices ({@link SymmetricEigen}); eigenvalues within rounding error of zero
 * ({@link SymmetricEigen#roundingFloor()}), including those that rounding pushes a little below it, count as zero.
 * This stays real and well defined for singular covariances (fewer samples than dimensions), where the general
 * square root of the non-symmetric S1 S2 that FID code usually takes ({@code scipy.linalg.sqrtm}) can turn complex
 * and is patched with an epsilon on the diagonal.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /** The squared Fréchet distance between the Gaussians with these statistics (of one dimension). */
    public static double between(GaussianStats first, GaussianStats second) {
        return between(first.meanView(), first.covarianceView(), second.meanView(), second.covarianceView());
    }

    /**
     * The squared Fréchet distance between N(mu1, s1) and N(mu2, s2); the covariances must be symmetric positive
     * semi-definite (as any sample covariance is).
     */
    public static double between(double[] mu1, double[][] s1, double[] mu2, double[][] s2) {
        int d = mu1.length;
        if (mu2.length != d) {
            throw new IllegalArgumentException("means of dimension " + d + " and " + mu2.length);
        }
        SquareMatrices.requireSquare(s1, d, "first covariance");
        SquareMatrices.requireSquare(s2, d, "second covariance");
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = mu1[i] - mu2[i];
            meanTerm += diff * diff;
        }
        double traceTerm = SquareMatrices.trace(s1) + SquareMatrices.trace(s2) - 2 * traceOfSqrtProduct(s1, s2);
        // Zero up to rounding when the two are (nearly) the same; a distance is never negative.
        return Math.max(0, meanTerm + traceTerm);
    }

    /** {@code Tr((s1 s2)^(1/2))} for symmetric positive semi-definite s1 and s2, as the class comment derives it. */
    static double traceOfSqrtProduct(double[][] s1, double[][] s2) {
        SymmetricEigen eigenS1 = SymmetricEigen.of(s1);
        double floorS1 = eigenS1.roundingFloor();
        double[][] sqrtS1 = eigenS1.apply(lambda -> lambda <= floorS1 ? 0 : Math.sqrt(lambda));
        double[][] m = SquareMatrices.symmetrized(
                SquareMatrices.multiply(SquareMatrices.multiply(sqrtS1, s2), sqrtS1));
        SymmetricEigen eigenM = SymmetricEigen.of(m);
        double floorM = eigenM.roundingFloor();
        double trace = 0;
        for (double lambda : eigenM.values()) {
            trace += lambda <= floorM ? 0 : Math.sqrt(lambda);
        }
        return trace;
    }
}
