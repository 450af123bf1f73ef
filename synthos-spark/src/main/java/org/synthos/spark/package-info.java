/**
 * Scale-out: {@code validate} with each dataset's one pass run as a Spark job ({@link
 * org.synthos.spark.SparkValidator}), and its command line ({@link
 * org.synthos.spark.SparkValidateMain}, the {@code synthos-spark} launcher).
 *
 * <p>Owns: turning Spark rows into the engine's column batches, running the engine's pass per
 * partition, merging the partitions' states by a tree reduction, and counting exact duplicates and
 * reference copies by a distributed aggregation of the row hashes. Everything after the pass (the
 * judging, localisation, recommendations) is the engine's, on the driver.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Same answer: for the same rows, options and seed, the result equals the command line's
 *       (decision, risk, scores, checks, flagged rows, recommendations) whatever the number and
 *       sizes of the partitions. Each partition's batches carry global file row indexes (partition
 *       offsets from a count by partition first), so the seeded sample, the row hashes and the
 *       rows' buckets are the command line's; every merged state is order-free. Only the content
 *       digest depends on the partitioning. The bucketed states, bottom-k samples of each bucket's
 *       numbers keyed on a hash of the global row included, are functions of the set of rows, so
 *       they equal the command line's at any size (a generated 1,000,000-row pair in {@code
 *       SameAnswerTest} checks it above the samples' exact size). The bucket states carry the pair
 *       states ({@code PairBuckets}): combination counts are exact; co-moments depend on how
 *       partitions group by rounding only (about 1e-12 relative), far below the report's six
 *       decimals.
 *   <li>Bounded driver: it holds the merged sample (at most {@code maxRows} rows per dataset), per
 *       column counts, the merged bucket states (tree-reduced on the executors), one digest per
 *       partition, and at most {@code Localiser.LISTED_ROWS} listed rows per cause; never every row
 *       or every hash.
 *   <li>Nothing of the engine is Java-serialized: schemas and samples cross the cluster as bytes
 *       ({@code StateBytes}), so Spark's serializer settings change nothing.
 *   <li>Schema: a local file gets the schema the command line infers; any other path the same rules
 *       applied to the leading rows Spark reads; CSV cells are parsed by the engine's parsers.
 * </ul>
 */
package org.synthos.spark;
