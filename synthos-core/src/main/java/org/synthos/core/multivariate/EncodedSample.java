package org.synthos.core.multivariate;

import java.util.Arrays;

/**
 * A sample as a dense numeric matrix, ready for the classifier.
 *
 * @param rows number of rows
 * @param dims number of features
 * @param values row-major cells: feature {@code f} of row {@code r} is {@code values[r * dims + f]}
 */
public record EncodedSample(int rows, int dims, double[] values) {
  public EncodedSample {
    if (rows < 0 || dims < 0 || values.length != (long) rows * dims) {
      throw new IllegalArgumentException(
          "inconsistent encoded sample: " + rows + " x " + dims + ", " + values.length + " cells");
    }
  }

  /** A copy of a rectangular matrix. */
  public static EncodedSample of(double[][] matrix) {
    int rows = matrix.length;
    int dims = rows == 0 ? 0 : matrix[0].length;
    double[] v = new double[rows * dims];
    for (int r = 0; r < rows; r++) {
      if (matrix[r].length != dims) {
        throw new IllegalArgumentException("ragged matrix at row " + r);
      }
      System.arraycopy(matrix[r], 0, v, r * dims, dims);
    }
    return new EncodedSample(rows, dims, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedSample s
        && s.rows == rows
        && s.dims == dims
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + dims;
  }

  @Override
  public String toString() {
    return "EncodedSample[" + rows + " x " + dims + "]";
  }
}
