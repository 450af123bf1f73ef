package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.profile.Profiler;

/**
 * Files longer than the held sample: exact duplicates and copies of reference rows are counted and
 * named over every row, and the result does not depend on the thread count.
 */
@Tag("unit")
class FullPassTest {
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field("x", ColumnType.FLOAT),
              new Field("y", ColumnType.FLOAT),
              new Field("colour", ColumnType.CATEGORICAL)));
  private static final int CANDIDATE_ROWS = 600_000;
  private static final int REFERENCE_ROWS = 300_000;
  private static final int BATCH = 30_000;
  private static final int MAX_ROWS = 2_000;

  /** Reference: unique random rows. */
  private static double[][] referenceRows() {
    SplittableRandom r = new SplittableRandom(7);
    double[][] rows = new double[REFERENCE_ROWS][];
    for (int i = 0; i < REFERENCE_ROWS; i++) {
      rows[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextInt(3)};
    }
    return rows;
  }

  /**
   * Candidate: row i with i % 10 == 3 repeats row i - 3; row i with i % 20 == 7 copies reference
   * row i / 20; every other row is fresh. So 10% exact duplicates and 5% reference copies.
   */
  private static double[][] candidateRows(double[][] reference) {
    SplittableRandom r = new SplittableRandom(11);
    double[][] rows = new double[CANDIDATE_ROWS][];
    for (int i = 0; i < CANDIDATE_ROWS; i++) {
      if (i % 10 == 3) {
        rows[i] = rows[i - 3];
      } else if (i % 20 == 7) {
        rows[i] = reference[i / 20];
      } else {
        rows[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextInt(3)};
      }
    }
    return rows;
  }

  private static DatasetSource source(String uri, double[][] rows) {
    String[] colours = {"red", "green", "blue"};
    List<ColumnBatch> batches = new ArrayList<>();
    for (int first = 0; first < rows.length; first += BATCH) {
      int n = Math.min(BATCH, rows.length - first);
      double[] x = new double[n];
      double[] y = new double[n];
      String[] c = new String[n];
      for (int i = 0; i < n; i++) {
        x[i] = rows[first + i][0];
        y[i] = rows[first + i][1];
        c[i] = colours[(int) rows[first + i][2]];
      }
      batches.add(
          new ColumnBatch(
              SCHEMA,
              List.of(
                  new Column.Doubles(x, n, Mask.none(n), Mask.none(n)),
                  new Column.Doubles(y, n, Mask.none(n), Mask.none(n)),
                  new Column.Strings(c, n, Mask.none(n), Mask.none(n))),
              first,
              n));
    }
    return DatasetSource.ofBatches(uri, SCHEMA, batches);
  }

  private static ValidationResult validate(int threads) {
    double[][] reference = referenceRows();
    ValidationOptions options =
        new ValidationOptions(Policy.defaults(), 5, null, null, MAX_ROWS, 200, 5, 0);
    return Validator.validate(
        ValidationInput.of(
            source("cand.csv", candidateRows(reference)), source("ref.csv", reference)),
        options,
        ProgressListener.NONE,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
        threads);
  }

  private static double evidence(ValidationResult result, Measure measure) {
    return find(result, measure).value();
  }

  private static Evidence find(ValidationResult result, Measure measure) {
    return result.dimensions().stream()
        .filter(d -> d instanceof DimensionResult.Scored)
        .flatMap(d -> ((DimensionResult.Scored) d).evidence().stream())
        .filter(e -> e.measure() == measure)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void duplicatesAndCopiesAreJudgedOverEveryRow() {
    ValidationResult result = validate(2);

    assertThat(result.candidate().rows()).isEqualTo(CANDIDATE_ROWS);
    assertThat(result.candidate().rowsAnalysed()).isEqualTo(MAX_ROWS);
    assertThat(evidence(result, Measure.EXACT_DUPLICATE_SHARE)).isEqualTo(0.10);
    assertThat(evidence(result, Measure.REFERENCE_COPY_SHARE)).isEqualTo(0.05);
    // The report says which rows each value was measured on.
    assertThat(find(result, Measure.EXACT_DUPLICATE_SHARE).rows()).isEqualTo(Evidence.RowScope.ALL);
    assertThat(find(result, Measure.REFERENCE_COPY_SHARE).rows()).isEqualTo(Evidence.RowScope.ALL);
    assertThat(find(result, Measure.NEAR_DUPLICATE_SHARE).rows())
        .isEqualTo(Evidence.RowScope.ANALYSED);

    List<FlaggedRow> duplicates = new ArrayList<>();
    List<FlaggedRow> copies = new ArrayList<>();
    for (int i = 0; i < CANDIDATE_ROWS; i++) {
      if (i % 10 == 3) {
        duplicates.add(
            new FlaggedRow(i + 1, Cause.EXACT_DUPLICATE, i - 2, "same values as row " + (i - 2)));
      } else if (i % 20 == 7) {
        long ref = i / 20 + 1;
        copies.add(
            new FlaggedRow(i + 1, Cause.REFERENCE_COPY, ref, "identical to reference row " + ref));
      }
    }
    assertThat(result.flaggedRows().stream().filter(f -> f.cause() == Cause.EXACT_DUPLICATE))
        .containsExactlyElementsOf(duplicates);
    assertThat(
            result.flaggedRows().stream()
                .filter(f -> f.cause() == Cause.REFERENCE_COPY && f.group() >= 0))
        .containsExactlyElementsOf(copies);
    CauseSummary dup =
        result.localisation().stream()
            .filter(c -> c.cause() == Cause.EXACT_DUPLICATE)
            .findFirst()
            .orElseThrow();
    assertThat(dup.rows()).isEqualTo(CANDIDATE_ROWS / 10);
    assertThat(dup.groups()).isEqualTo(CANDIDATE_ROWS / 10);
    assertThat(dup.summary()).contains("10.0% of all candidate rows");
  }

  @Test
  void resultIsTheSameRunToRunAndForOneAndTwoThreads() {
    // Several partitions of the pass, so two threads really split the work.
    assertThat(CANDIDATE_ROWS).isGreaterThan(2 * Profiler.PARTITION_ROWS);
    ValidationResult one = validate(1);
    ValidationResult two = validate(2);
    ValidationResult again = validate(2);
    assertThat(differences(one, two)).isEmpty();
    assertThat(differences(two, again)).isEmpty();
    assertThat(one.candidate().contentSha256()).hasSize(64);
  }

  private static final Set<String> TIMES = Set.of("createdAt", "completedAt", "timings");

  /** The record components (deep, arrays by content, doubles by bits) that differ. */
  private static List<String> differences(ValidationResult a, ValidationResult b) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : ValidationResult.class.getRecordComponents()) {
      if (!TIMES.contains(c.getName()) && !deepEquals(value(c, a), value(c, b))) {
        out.add(c.getName());
      }
    }
    return out;
  }

  private static Object value(RecordComponent c, Object o) {
    try {
      return c.getAccessor().invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean deepEquals(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        if (!deepEquals(value(c, a), value(c, b))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!deepEquals(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass().isArray()) {
      return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }
    return a.equals(b);
  }
}
