package org.synthos.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.rows.RowAccumulator;
import org.synthos.core.rows.RowSampleState;

@Tag("unit")
class StateBytesTest {
  private static final Schema SCHEMA =
      Schema.of(
          new Field("id", ColumnType.INTEGER),
          new Field("x", ColumnType.FLOAT),
          new Field("flag", ColumnType.BOOLEAN),
          new Field("note", ColumnType.TEXT),
          new Field("at", ColumnType.DATETIME));

  @Test
  void aSampleSurvivesTheTripBitForBit() {
    int n = 6;
    String longText = "é".repeat(70_000);
    ColumnBatch batch =
        new ColumnBatch(
            SCHEMA,
            List.of(
                new Column.Longs(
                    new long[] {1, 2, 3, Long.MIN_VALUE, 5, 6},
                    n,
                    Mask.of(new boolean[] {false, false, true, false, false, false}),
                    Mask.of(new boolean[] {false, false, true, false, false, false})),
                new Column.Doubles(
                    new double[] {Double.NaN, -0.0, 1e308, 2.5, Double.NEGATIVE_INFINITY, 0},
                    n,
                    Mask.of(new boolean[] {false, false, false, false, false, true}),
                    Mask.none(n)),
                new Column.Booleans(
                    new boolean[] {true, false, true, false, true, false},
                    n,
                    Mask.none(n),
                    Mask.none(n)),
                new Column.Strings(
                    new String[] {"a", null, longText, "", "x,y", "\"q\""},
                    n,
                    Mask.of(new boolean[] {false, true, false, false, false, false}),
                    Mask.none(n)),
                new Column.Longs(new long[] {0, -1, 1, 2, 3, 4}, n, Mask.none(n), Mask.none(n))),
            100,
            n);
    RowAccumulator<RowSampleState> acc = RowSampleState.newAccumulator(SCHEMA, 7, 4);
    acc.update(batch);
    RowSampleState sample = acc.snapshot();

    RowSampleState back = StateBytes.sample(StateBytes.sample(sample));

    assertThat(back).isEqualTo(sample);
    assertThat(back.size()).isEqualTo(4);
    assertThat(StateBytes.schema(StateBytes.schema(SCHEMA))).isEqualTo(SCHEMA);
  }

  @Test
  void mergingEncodedStatesIsTheEnginesMerge() {
    RowAccumulator<RowSampleState> a = RowSampleState.newAccumulator(SCHEMA, 7, 3);
    RowAccumulator<RowSampleState> b = RowSampleState.newAccumulator(SCHEMA, 7, 3);
    a.update(rows(0, 5));
    b.update(rows(5, 5));
    PartState left =
        new PartState(
            5,
            new long[5],
            new long[5],
            StateBytes.sample(a.snapshot()),
            java.util.Map.of(0, new byte[] {1}));
    PartState right =
        new PartState(
            5,
            new long[] {1, 0, 0, 0, 0},
            new long[5],
            StateBytes.sample(b.snapshot()),
            java.util.Map.of(1, new byte[] {2}));

    PartState merged = right.merge(left);

    assertThat(StateBytes.sample(merged.sample)).isEqualTo(a.snapshot().merge(b.snapshot()));
    assertThat(merged.rows).isEqualTo(10);
    assertThat(merged.nulls[0]).isEqualTo(1);
    assertThat(merged.digestsInOrder()).containsExactly(new byte[] {1}, new byte[] {2});
  }

  private static ColumnBatch rows(long first, int n) {
    long[] ids = new long[n];
    double[] xs = new double[n];
    String[] notes = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = first + i;
      xs[i] = (first + i) / 3.0;
      notes[i] = "row " + (first + i);
    }
    return new ColumnBatch(
        SCHEMA,
        List.of(
            new Column.Longs(ids, n, Mask.none(n), Mask.none(n)),
            new Column.Doubles(xs, n, Mask.none(n), Mask.none(n)),
            new Column.Booleans(new boolean[n], n, Mask.none(n), Mask.none(n)),
            new Column.Strings(notes, n, Mask.none(n), Mask.none(n)),
            new Column.Longs(ids.clone(), n, Mask.none(n), Mask.none(n))),
        first,
        n);
  }
}
