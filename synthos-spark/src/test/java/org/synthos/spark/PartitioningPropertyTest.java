package org.synthos.spark;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.synthos.core.assess.ValidationResult;
import org.synthos.io.ReadOptions;

/**
 * Results do not depend on the partitioning: any cuts of the candidate and the reference (uneven,
 * empty partitions, a partition of one row) give the command line's answer. The pair has exact
 * duplicates and reference copies, so the distributed exact-rows aggregation is exercised too. Few
 * tries: each is a whole validation on Spark.
 */
@Tag("integration")
class PartitioningPropertyTest {
  private static final Path CAND = SparkFixture.PAIRS.resolve("credit-g-candidate.csv");
  private static final Path REF = SparkFixture.PAIRS.resolve("credit-g-reference.csv");
  private static SparkSession spark;
  private static ValidationResult expected;

  @BeforeContainer
  static void start() {
    spark = SparkFixture.session();
    expected = SparkFixture.commandLine(CAND, REF);
  }

  @AfterContainer
  static void stop() {
    spark.stop();
  }

  @Property(tries = 3, shrinking = ShrinkingMode.OFF)
  void anyCutsGiveTheCommandLinesAnswer(
      @ForAll("cuts") List<Long> candCuts, @ForAll("cuts") List<Long> refCuts) {
    SparkInput cand = SparkInput.read(spark, CAND.toString(), ReadOptions.defaults());
    SparkInput ref = SparkInput.read(spark, REF.toString(), ReadOptions.defaults());
    ValidationResult actual =
        SparkFixture.spark(
            SparkFixture.cut(cand, array(candCuts)), SparkFixture.cut(ref, array(refCuts)));
    SameAnswerTest.assertSameAnswer(actual, expected);
  }

  /** Up to eight ascending cut points within the 500 rows; repeats make empty partitions. */
  @Provide
  Arbitrary<List<Long>> cuts() {
    return Arbitraries.longs()
        .between(0, 500)
        .list()
        .ofMaxSize(8)
        .map(l -> l.stream().sorted().toList());
  }

  private static long[] array(List<Long> cuts) {
    return cuts.stream().mapToLong(Long::longValue).toArray();
  }
}
