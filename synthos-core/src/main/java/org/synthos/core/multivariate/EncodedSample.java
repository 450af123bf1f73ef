package org.synthos.core.multivariate;

import java.util.Arrays;
import java.util.List;

/**
 * A sample as a dense numeric matrix, ready for distances and classifiers.
 *
 * @param rows number of rows
 * @param dims number of features
 * @param values row-major cells: feature {@code f} of row {@code r} is {@code values[r * dims + f]}
 * @param features the feature names, {@code dims} of them
 * @param rowIndex each row's global zero-based row index in its dataset
 */
public record EncodedSample(
    int rows, int dims, double[] values, List<String> features, long[] rowIndex) {
  public EncodedSample {
    features = List.copyOf(features);
    if (rows < 0
        || dims < 0
        || values.length != (long) rows * dims
        || features.size() != dims
        || rowIndex.length != rows) {
      throw new IllegalArgumentException(
          "inconsistent encoded sample: " + rows + " x " + dims + ", " + values.length + " cells");
    }
  }

  /** A matrix with generated feature names and row indexes {@code 0..rows-1}. */
  public static EncodedSample of(double[][] matrix) {
    int rows = matrix.length;
    int dims = rows == 0 ? 0 : matrix[0].length;
    double[] v = new double[rows * dims];
    long[] index = new long[rows];
    for (int r = 0; r < rows; r++) {
      if (matrix[r].length != dims) {
        throw new IllegalArgumentException("ragged matrix at row " + r);
      }
      System.arraycopy(matrix[r], 0, v, r * dims, dims);
      index[r] = r;
    }
    String[] names = new String[dims];
    for (int f = 0; f < dims; f++) {
      names[f] = "x" + f;
    }
    return new EncodedSample(rows, dims, v, List.of(names), index);
  }

  public double get(int row, int feature) {
    return values[row * dims + feature];
  }

  /** The rows at the given positions, in that order. */
  public EncodedSample select(int[] positions) {
    double[] v = new double[positions.length * dims];
    long[] index = new long[positions.length];
    for (int k = 0; k < positions.length; k++) {
      System.arraycopy(values, positions[k] * dims, v, k * dims, dims);
      index[k] = rowIndex[positions[k]];
    }
    return new EncodedSample(positions.length, dims, v, features, index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedSample s
        && s.rows == rows
        && s.dims == dims
        && Arrays.equals(s.values, values)
        && s.features.equals(features)
        && Arrays.equals(s.rowIndex, rowIndex);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + features.hashCode();
  }

  @Override
  public String toString() {
    return "EncodedSample[" + rows + " x " + dims + "]";
  }
}
