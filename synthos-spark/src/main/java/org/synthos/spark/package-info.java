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
 *       digest depends on the partitioning, and, once a bucket holds more values than its sketch
 *       ({@code Buckets.KLL_K}, files above about 240,000 rows), the bucket sketches: which values
 *       a compaction keeps depends on where partitions begin, so scores of marginal measures on
 *       numeric columns then agree within the sketches' rank error, not exactly (on a generated
 *       1,000,000-row pair: the same decision and risk, distribution fidelity 6.5e-4 apart). The
 *       bucket states carry the pair states ({@code PairBuckets}): combination counts are exact;
 *       co-moments depend on where partitions begin by rounding only (about 1e-12 relative), far
 *       below the report's six decimals. The partitions' bucket states are merged on the driver in
 *       partition order, as the command line merges its partitions, so a job is reproducible for a
 *       given partitioning.
 *   <li>Bounded driver: it holds the merged sample (at most {@code maxRows} rows per dataset), per
 *       column counts, the merged bucket states and one partition's besides, one digest per
 *       partition, and at most {@code Localiser.LISTED_ROWS} listed rows per cause; never every row
 *       or every hash.
 *   <li>Nothing of the engine is Java-serialized: schemas and samples cross the cluster as bytes
 *       ({@code StateBytes}), so Spark's serializer settings change nothing.
 *   <li>Schema: a local file gets the schema the command line infers; any other path the same rules
 *       applied to the leading rows Spark reads; CSV cells are parsed by the engine's parsers.
 * </ul>
 */
package org.synthos.spark;
