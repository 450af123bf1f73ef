package org.synthos.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;

/** Seeded synthetic tables: two correlated numbers, a skewed category with a rare value. */
final class Fixtures {
  static final Schema SCHEMA =
      Schema.of(
          new Field("income", ColumnType.FLOAT),
          new Field("spend", ColumnType.FLOAT),
          new Field("segment", ColumnType.CATEGORICAL),
          new Field("note <b>&amp;", ColumnType.CATEGORICAL));
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  static ColumnBatch table(int n, long seed) {
    Random r = new Random(seed);
    double[] income = new double[n];
    double[] spend = new double[n];
    String[] segment = new String[n];
    String[] note = new String[n];
    for (int i = 0; i < n; i++) {
      income[i] = Math.exp(10 + 0.5 * r.nextGaussian());
      spend[i] = 0.3 * income[i] + 2000 * r.nextGaussian();
      double u = r.nextDouble();
      segment[i] = u < 0.6 ? "retail" : u < 0.97 ? "business" : "vip";
      note[i] = r.nextBoolean() ? "<script>x</script>" : "plain";
    }
    List<Column> cols = new ArrayList<>();
    cols.add(new Column.Doubles(income, n, Mask.none(n), Mask.none(n)));
    cols.add(new Column.Doubles(spend, n, Mask.none(n), Mask.none(n)));
    cols.add(new Column.Strings(segment, n, Mask.none(n), Mask.none(n)));
    cols.add(new Column.Strings(note, n, Mask.none(n), Mask.none(n)));
    return new ColumnBatch(SCHEMA, cols, 0, n);
  }

  static DatasetSource source(String uri, ColumnBatch b, String sha256) {
    return new DatasetSource(uri, b.schema(), () -> List.of(b).iterator(), sha256, 12345);
  }

  static ValidationResult approved() {
    return validate(table(600, 1), table(600, 2), "a1b2".repeat(16));
  }

  static ValidationResult rejected() {
    ColumnBatch ref = table(600, 2);
    ColumnBatch shrunk =
        DefectInjector.inject(table(600, 1), ref, Defect.VARIANCE_SHRINK, 0.5, 1).batch();
    return validate(shrunk, ref, "c3d4".repeat(16));
  }

  static ValidationResult validate(ColumnBatch cand, ColumnBatch ref, String sha) {
    return Validator.validate(
        ValidationInput.of(
            source("candidate.csv", cand, sha), source("reference.csv", ref, "ffee".repeat(16))),
        ValidationOptions.defaults(),
        ProgressListener.NONE,
        CLOCK);
  }
}
