package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.PairAccumulator;
import org.synthos.core.state.StateConfig;
import org.synthos.core.state.TestBatches;

/** Against {@code tools/golden/association.py} (scipy contingency, sklearn mutual_info_score). */
@Tag("golden")
class AssociationGoldenTest {
  @Test
  void cramersVAndMutualInformationMatchTheReferences() {
    for (Map<String, Object> c : Golden.cases("association")) {
      String name = (String) c.get("name");
      int[] x = Golden.ints(c, "x");
      int[] y = Golden.ints(c, "y");
      Map<String, Object> e = Golden.map(c, "expected");
      double mi = Golden.number(e, "mutual_info");
      // sklearn.metrics.mutual_info_score(x, y)
      assertThat(Information.mutualInformation(x, y).orElseThrow())
          .as(name)
          .isCloseTo(mi, within(1e-12));
      ContingencyState table = table(x, y);
      assertThat(Information.mutualInformation(table).orElseThrow())
          .as(name)
          .isCloseTo(mi, within(1e-12));
      if (e.containsKey("cramers_v")) {
        // scipy.stats.contingency.association(table, method="cramer")
        assertThat(Information.cramersV(table).orElseThrow())
            .as(name)
            .isCloseTo(Golden.number(e, "cramers_v"), within(1e-12));
      }
    }
  }

  /** The profile's contingency table of two label columns. */
  static ContingencyState table(int[] x, int[] y) {
    String[] a = new String[x.length];
    String[] b = new String[y.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = "x" + x[i];
      b[i] = "y" + y[i];
    }
    Schema schema =
        Schema.of(new Field("a", ColumnType.CATEGORICAL), new Field("b", ColumnType.CATEGORICAL));
    PairAccumulator acc = PairAccumulator.of(schema, StateConfig.defaults(), 10, 10);
    ColumnBatch batch =
        TestBatches.batch(schema, 0, TestBatches.strings(a), TestBatches.strings(b));
    acc.update(batch);
    return acc.snapshot().contingency().get(new ColumnPair(0, 1));
  }

  @Test
  void fixtureTablesAgreeWithTheProfiledTables() {
    for (Map<String, Object> c : Golden.cases("association")) {
      ContingencyState t = table(Golden.ints(c, "x"), Golden.ints(c, "y"));
      List<?> rows = (List<?>) c.get("table");
      long nonZero =
          rows.stream().flatMap(r -> ((List<?>) r).stream()).filter(v -> (Double) v > 0).count();
      assertThat(t.cells()).hasSize((int) nonZero);
    }
  }
}
