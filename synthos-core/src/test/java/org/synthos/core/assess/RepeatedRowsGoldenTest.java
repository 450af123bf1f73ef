package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RowHashes;
import org.synthos.core.multivariate.GoldenFixture;

/**
 * The verdict's repeated rows against the fixtures of {@code tools/golden/}: exact duplicates and
 * copies of reference rows counted over every row from the full pass's row hashes, and the pooled
 * exact groups behind the duplicate and copy shares, against numpy's {@code unique(axis=0)} on a
 * table of integer, float, string and null cells ({@code rows_duplicates.py}); exact and near
 * duplicate shares and the copy share of a candidate with planted repeats, near groups being the
 * connected components of "every number within 1e-3 pooled standard deviations (or, with a
 * reference or four columns or more, 1% of the larger magnitude), every category equal" ({@code
 * verdict_measures.py}, {@code scipy.sparse.csgraph}).
 */
@Tag("golden")
class RepeatedRowsGoldenTest {
  // Engine access: the only places that name the verdict path's internals.

  /** Exact duplicates of {@code candidate} and its copies of {@code reference} (may be null). */
  private static ExactRows exactRows(Batches candidate, Batches reference) {
    return ExactRows.of(hashes(candidate), reference == null ? null : hashes(reference), 1 << 20);
  }

  private static RowHashes hashes(Batches b) {
    DatasetSource source = b.source("t");
    int[] all = IntStream.range(0, source.schema().size()).toArray();
    return FullPass.read(source, all, 1000, 1, 2).hashes;
  }

  /** The pooled exact group of each row, candidate rows first. */
  private static int[] exactGroups(Pool d) {
    return d.exactGroup;
  }

  private static byte[] observed(Pool d) {
    byte[] label = new byte[d.n];
    Arrays.fill(label, 0, d.nC, (byte) 1);
    return label;
  }

  /** The verdict's duplicate and copy shares for the observed labelling, by fixture name. */
  private static double share(String name, Pool d) {
    return switch (name) {
      case "exact_duplicate_share" -> Measures.repeatShare(d.exactGroup, observed(d));
      case "near_duplicate_share" ->
          Measures.repeatShare(d.nearGroup, observed(d))
              - Measures.repeatShare(d.exactGroup, observed(d));
      case "copy_share" -> Measures.copyShare(d.exactGroup, observed(d));
      default -> throw new IllegalArgumentException("no share " + name);
    };
  }

  /** The share of the rows labelled 1 that repeat an earlier one. */
  private static double repeatShare(int[] group, byte[] label) {
    return Measures.repeatShare(group, label);
  }

  // Fixture reading.

  /** A table of rows_duplicates.txt: i:INT and f:FLOAT cells as numbers, s:TEXT, n: a null. */
  private static Batches table(List<String[]> rows) {
    Double[] a = new Double[rows.size()];
    Double[] b = new Double[rows.size()];
    String[] c = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      a[i] = number(rows.get(i)[0]);
      b[i] = number(rows.get(i)[1]);
      c[i] = rows.get(i)[2].startsWith("n:") ? null : rows.get(i)[2].substring(2);
    }
    return new Batches().doubles("a", a).doubles("b", b).strings("c", c);
  }

  private static Double number(String cell) {
    return cell.startsWith("n:") ? null : Double.valueOf(cell.substring(2));
  }

  // Tests.

  @Test
  void fullPassCountsDuplicatesAndCopiesAsNumpyUnique() {
    GoldenFixture f = GoldenFixture.load("rows_duplicates.txt");
    Batches reference = table(f.table("reference"));
    Batches candidate = table(f.table("candidate"));
    double[] sizes = f.vector("reference_group_sizes");

    ExactRows within = exactRows(reference, null);
    assertThat(within.duplicateRows).isEqualTo((long) f.value("reference_duplicates"));
    assertThat(within.duplicateGroups).isEqualTo(sizes.length);

    ExactRows copies = exactRows(candidate, reference);
    assertThat(copies.copiedRows).isEqualTo((long) f.value("candidate_copied"));
    // One-based candidate rows against numpy's zero-based ones.
    assertThat(copies.copies)
        .containsExactly(
            Arrays.stream(f.vector("candidate_copied_rows"))
                .mapToLong(r -> (long) r + 1)
                .toArray());
  }

  @Test
  void pooledExactGroupsAreNumpysDistinctRows() {
    GoldenFixture f = GoldenFixture.load("rows_duplicates.txt");
    Pool d =
        VerdictMeasuresGoldenTest.pool(table(f.table("candidate")), table(f.table("reference")));
    int[] group = exactGroups(d);
    byte[] referenceOnly = new byte[d.n];
    Arrays.fill(referenceOnly, 0, d.nC, (byte) -1);
    Arrays.fill(referenceOnly, d.nC, d.n, (byte) 1);
    assertThat(repeatShare(group, referenceOnly))
        .isCloseTo(f.value("reference_duplicates") / d.nR, within(1e-12));
    Map<Integer, Integer> sizes = new TreeMap<>();
    for (int i = d.nC; i < d.n; i++) {
      sizes.merge(group[i], 1, Integer::sum);
    }
    assertThat(
            sizes.values().stream()
                .filter(s -> s > 1)
                .sorted((x, y) -> y - x)
                .mapToDouble(s -> s)
                .toArray())
        .containsExactly(f.vector("reference_group_sizes"));
    assertThat(sizes).hasSize((int) f.value("reference_distinct"));

    assertThat(share("copy_share", d)).isCloseTo(f.value("candidate_copied") / d.nC, within(1e-12));
    List<Integer> copied = new ArrayList<>();
    for (int i = 0; i < d.nC; i++) {
      if (sizes.containsKey(group[i])) {
        copied.add(i);
      }
    }
    assertThat(copied.stream().mapToDouble(i -> i).toArray())
        .containsExactly(f.vector("candidate_copied_rows"));
    assertThat(copied.stream().map(i -> group[i]).distinct().count())
        .isEqualTo((long) f.value("candidate_distinct_copies"));
  }

  @Test
  void exactAndNearDuplicateSharesMatchConnectedComponents() {
    List<Map<String, Object>> cases =
        VerdictMeasuresGoldenTest.cases("verdict_measures", "repeats");
    for (Map<String, Object> c : cases) {
      VerdictMeasuresGoldenTest.checkExpected(
          c, VerdictMeasuresGoldenTest.pool(c), RepeatedRowsGoldenTest::share);
    }
    assertThat(cases).hasSize(2);
  }
}
