package org.synthos.core.profile;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;
import org.synthos.core.state.ColumnAccumulator;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.PairAccumulator;

/**
 * The fold of one partition of batches: a column accumulator per field plus the pair accumulator.
 * Column i of partition p seeds its quantile sketch with (p << 32) ^ i, so no two sketches of a
 * profile share their coin flips.
 */
final class ProfileAccumulator {
  private final Schema schema;
  private final ColumnAccumulator[] columns;
  private final PairAccumulator pairs;

  ProfileAccumulator(Schema schema, ProfileOptions options, long partition) {
    this.schema = schema;
    this.columns = new ColumnAccumulator[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] =
          options.countsOnly()
              ? ColumnAccumulator.countsOnly(schema.field(i), options.states())
              : ColumnAccumulator.of(schema.field(i), options.states(), (partition << 32) ^ i);
    }
    // A counts-only pass pairs no columns: its readers take counts alone.
    this.pairs =
        PairAccumulator.of(
            schema,
            options.states(),
            options.countsOnly() ? 0 : options.maxNumericPairColumns(),
            options.countsOnly() ? 0 : options.maxCategoricalPairColumns());
  }

  void update(ColumnBatch batch) {
    for (int i = 0; i < columns.length; i++) {
      columns[i].update(batch.column(i));
    }
    pairs.update(batch);
  }

  DatasetProfile snapshot() {
    List<ColumnStates> states = new ArrayList<>(columns.length);
    for (ColumnAccumulator c : columns) {
      states.add(c.snapshot());
    }
    return new DatasetProfile(schema, states, pairs.snapshot());
  }
}
