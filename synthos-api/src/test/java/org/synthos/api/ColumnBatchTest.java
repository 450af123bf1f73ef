package org.synthos.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ColumnBatchTest {
  @Test
  void selectKeepsValuesNullsAndInvalidCellsOfTheChosenRowsInOrder() {
    Schema schema =
        Schema.of(
            new Field("n", ColumnType.INTEGER),
            new Field("x", ColumnType.FLOAT),
            new Field("b", ColumnType.BOOLEAN),
            new Field("s", ColumnType.CATEGORICAL));
    Mask nullAt1 = Mask.of(new boolean[] {false, true, false});
    Mask none = Mask.none(3);
    ColumnBatch batch =
        new ColumnBatch(
            schema,
            List.of(
                new Column.Longs(new long[] {10, 0, 30}, 3, nullAt1, nullAt1),
                new Column.Doubles(new double[] {1.5, 2.5, 3.5}, 3, none, none),
                new Column.Booleans(new boolean[] {true, false, true}, 3, none, none),
                new Column.Strings(new String[] {"a", null, "c"}, 3, nullAt1, none)),
            7,
            3);

    ColumnBatch picked = batch.select(new int[] {2, 1, 2});

    assertThat(picked.rowCount()).isEqualTo(3);
    assertThat(picked.firstRow()).isZero();
    Column.Longs n = (Column.Longs) picked.column(0);
    assertThat(n.values()).containsExactly(30, 0, 30);
    assertThat(n.isNull(1)).isTrue();
    assertThat(n.invalid().get(1)).isTrue();
    assertThat(n.isNull(0)).isFalse();
    assertThat(((Column.Doubles) picked.column(1)).values()).containsExactly(3.5, 2.5, 3.5);
    assertThat(((Column.Booleans) picked.column(2)).values()).containsExactly(true, false, true);
    assertThat(((Column.Strings) picked.column(3)).values()).containsExactly("c", null, "c");
  }
}
