package io.genstream.models.stats;

/** The few dense square-matrix operations the Fréchet distance needs, on {@code double[row][column]}. */
final class SquareMatrices {

    private SquareMatrices() {
    }

    /** Throws unless {@code matrix} is {@code dimension x dimension}; {@code what} names it in the message. */
    static void requireSquare(double[][] matrix, int dimension, String what) {
        if (matrix.length != dimension) {
            throw new IllegalArgumentException(what + " has " + matrix.length + " rows, expected " + dimension);
        }
        for (int i = 0; i < dimension; i++) {
            if (matrix[i].length != dimension) {
                throw new IllegalArgumentException(what + " row " + i + " has " + matrix[i].length
                        + " columns, expected " + dimension);
            }
        }
    }

    /** A deep copy. */
    static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /** The product {@code a b}. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] product = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] row = product[i];
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    row[j] += aik * bk[j];
                }
            }
        }
        return product;
    }

    /** {@code (m + m^T) / 2}, which removes the rounding asymmetry of a product that is symmetric in exact arithmetic. */
    static double[][] symmetrized(double[][] m) {
        int n = m.length;
        double[][] result = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                result[i][j] = 0.5 * (m[i][j] + m[j][i]);
            }
        }
        return result;
    }

    static double trace(double[][] m) {
        double trace = 0;
        for (int i = 0; i < m.length; i++) {
            trace += m[i][i];
        }
        return trace;
    }
}
