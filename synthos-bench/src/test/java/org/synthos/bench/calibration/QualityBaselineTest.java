package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

@Tag("unit")
class QualityBaselineTest {
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field("x", ColumnType.FLOAT),
              new Field("y", ColumnType.FLOAT),
              new Field("c", ColumnType.CATEGORICAL)));

  private static ColumnBatch batch(double[] x, double[] y, String[] c) {
    int n = x.length;
    return new ColumnBatch(
        SCHEMA,
        List.of(
            new Column.Doubles(x, n, Mask.none(n), Mask.none(n)),
            new Column.Doubles(y, n, Mask.none(n), Mask.none(n)),
            new Column.Strings(c, n, Mask.none(n), Mask.none(n))),
        0,
        n);
  }

  @Test
  void identicalDataScoresOne() {
    ColumnBatch a =
        batch(
            new double[] {1, 2, 3, 4},
            new double[] {2, 4, 5, 9},
            new String[] {"a", "b", "a", "b"});
    assertThat(QualityBaseline.score(a, a)).hasValue(1.0);
  }

  @Test
  void scoreIsTheMeanOfShapesAndPairTrends() {
    ColumnBatch ref =
        batch(
            new double[] {1, 2, 3, 4},
            new double[] {1, 2, 3, 4},
            new String[] {"a", "a", "b", "b"});
    ColumnBatch cand =
        batch(
            new double[] {1, 2, 3, 4},
            new double[] {4, 3, 2, 1},
            new String[] {"a", "a", "a", "a"});
    // Shapes: KSComplement(x) = 1, KSComplement(y) = 1, TVComplement(c) = 1 - 0.5 = 0.5 -> 5/6.
    // Pairs: CorrelationSimilarity(x, y) = 1 - |1 - (-1)| / 2 = 0; ContingencySimilarity of
    // (x bins, c): reference cells (b0,a) (b3,a) (b6,b) (b9,b), candidate (b0,a) (b3,a) (b6,a)
    // (b9,a): TVD 0.5 -> 0.5; (y, c): candidate cells (b9,a) (b6,a) (b3,a) (b0,a), the same 0.5.
    // Pair trends = (0 + 0.5 + 0.5) / 3 = 1/3. Score = (5/6 + 1/3) / 2 = 7/12.
    assertThat(QualityBaseline.score(ref, cand).orElseThrow()).isCloseTo(7.0 / 12, within(1e-12));
  }
}
