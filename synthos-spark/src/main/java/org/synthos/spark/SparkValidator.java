package org.synthos.spark;

import static org.apache.spark.sql.functions.spark_partition_id;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.assess.explain.Localiser;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.assess.pool.LeadingCuts;
import org.synthos.core.assess.pool.RawTable;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.rows.RowSampleState;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.CountsState;
import org.synthos.core.state.StateConfig;
import org.synthos.io.ReadOptions;

/**
 * {@code validate} with the one pass over each dataset run as a Spark job: the same {@link
 * ValidationResult} as the command line for the same rows, options and seed, whatever the
 * partitioning (the content digest aside, see {@link #validate(SparkInput, Optional,
 * ValidationOptions, ProgressListener, Clock)}; see the package).
 */
public final class SparkValidator {
  private SparkValidator() {}

  /**
   * Validates typed Spark rows (a table, a query, a Parquet read), in their partition order, with
   * the schema derived from the Spark types; see {@link SparkInput#of}.
   */
  public static ValidationResult validate(
      Dataset<Row> candidate, Optional<Dataset<Row>> reference, ValidationOptions options) {
    ReadOptions read = ReadOptions.defaults();
    return validate(
        SparkInput.of("candidate", candidate, read),
        reference.map(r -> SparkInput.of("reference", r, read)),
        options,
        ProgressListener.NONE,
        Clock.systemUTC());
  }

  /**
   * Validates; every stage after the pass runs on the driver, on the bounded states the pass
   * returns.
   *
   * <p>The row order is the Dataset's partition order, which must be the file's (a file scan keeps
   * it; a shuffle does not). The content digest ({@code content_sha256}, and so the fingerprint,
   * the validation id and the dataset id when no file hash is given) is SHA-256 over the Spark
   * partitions' digests in order, so it depends on the partitioning and differs from the command
   * line's; every score, check, flagged row and recommendation does not.
   */
  public static ValidationResult validate(
      SparkInput candidate,
      Optional<SparkInput> reference,
      ValidationOptions options,
      ProgressListener progress,
      Clock clock) {
    return validate(candidate, reference, options, progress, clock, Optional.empty());
  }

  /**
   * As {@link #validate(SparkInput, Optional, ValidationOptions, ProgressListener, Clock)}, with
   * the SHA-256 of the candidate file's bytes when the caller has it: the result then carries it,
   * as the command line's does, so that a certificate can be issued for the file, and the ids are
   * made from it (they then equal the command line's).
   */
  public static ValidationResult validate(
      SparkInput candidate,
      Optional<SparkInput> reference,
      ValidationOptions options,
      ProgressListener progress,
      Clock clock,
      Optional<String> candidateSha256) {
    DatasetSource cand = source(candidate, candidateSha256.orElse(null));
    DatasetSource ref = reference.map(r -> source(r, null)).orElse(null);
    Validator.PassReader reader =
        (c, candHashed, r, refHashed, o) -> read(candidate, candHashed, reference, refHashed, o);
    try {
      return Validator.validate(new ValidationInput(cand, ref), options, progress, clock, reader);
    } catch (SynthosException e) {
      throw e;
    } catch (Exception e) {
      // A failed job surfaces as Spark's (checked) SparkException, thrown undeclared from Scala.
      throw unwrap(e);
    }
  }

  /** The engine's view of a Spark input; its rows are only ever read by the Spark job. */
  private static DatasetSource source(SparkInput input, String sha256) {
    return new DatasetSource(
        input.uri(),
        input.schema(),
        () -> {
          throw new IllegalStateException(input.uri() + " is read by the Spark job");
        },
        sha256,
        input.sizeBytes());
  }

  private static Validator.Passes read(
      SparkInput candidate,
      int[] candHashed,
      Optional<SparkInput> reference,
      int[] refHashed,
      ValidationOptions options) {
    // As the command line does: the numbers' cuts for their pairs with categories come from both
    // inputs' leading rows, read before the passes (LeadingCuts).
    Map<String, double[]> cuts =
        reference.isPresent()
            ? LeadingCuts.of(
                leading(candidate),
                candHashed,
                leading(reference.get()),
                refHashed,
                options.maxRows())
            : Map.of();
    Side cand = pass(candidate, candHashed, options.maxRows(), options.seed(), cuts);
    Side ref = null;
    try {
      ref =
          reference.isPresent()
              ? pass(reference.get(), refHashed, options.maxRows(), options.seed() + 1, cuts)
              : null;
      ExactRows exact =
          candHashed.length == 0
              ? null
              : ExactRowsJob.of(
                  candidate.rows().sparkSession(),
                  cand.outputs,
                  cand.pass.profile.rows(),
                  ref == null ? null : ref.outputs,
                  ref == null ? 0 : ref.pass.profile.rows(),
                  Localiser.LISTED_ROWS);
      return new Validator.Passes(cand.pass, ref == null ? null : ref.pass, exact);
    } finally {
      cand.outputs.unpersist(false);
      if (ref != null) {
        ref.outputs.unpersist(false);
      }
    }
  }

  /** One dataset's merged pass, and its partitions' outputs (kept for the exact-rows job). */
  private record Side(FullPass pass, JavaRDD<PartState.Output> outputs) {}

  /**
   * An input's first {@link LeadingCuts#ROWS} rows as a source, in file order (a file scan's
   * partitions in order, as the passes number the rows), converted as the partitions convert them.
   */
  private static DatasetSource leading(SparkInput input) {
    PartitionPass convert =
        new PartitionPass(
            input, new int[0], 1, 0, Long.MAX_VALUE, new long[0], new long[0], Map.of());
    return new DatasetSource(
        input.uri(),
        input.schema(),
        () -> convert.batches(input.rows().limit(LeadingCuts.ROWS).collectAsList().iterator()),
        null,
        input.sizeBytes());
  }

  private static Side pass(
      SparkInput input, int[] hashed, int maxRows, long seed, Map<String, double[]> cuts) {
    JavaRDD<Row> rdd = input.rows().javaRDD();
    long[] counts = partitionCounts(input.rows(), rdd.getNumPartitions());
    long[] offsets = new long[counts.length];
    long total = 0;
    for (int p = 0; p < counts.length; p++) {
      offsets[p] = total;
      total += counts[p];
    }
    if (total == 0) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS, "the dataset has no data rows", Location.ofFile(input.uri()));
    }
    // The whole file's sample bound, known from its row count: each partition keeps only rows of
    // the final sample, as the command line's partitions learn from each other's merged samples.
    long bound = RowSampleState.boundOf(seed, maxRows, total);
    JavaRDD<PartState.Output> outputs =
        rdd.mapPartitionsWithIndex(
                new PartitionPass(input, hashed, maxRows, seed, bound, offsets, counts, cuts),
                false)
            .persist(StorageLevel.MEMORY_AND_DISK());
    boolean merged = false;
    try {
      PartState state = outputs.map(PartState.Output::state).treeReduce(PartState::merge);
      Buckets buckets = hashed.length == 0 ? null : buckets(outputs);
      Side side = new Side(fullPass(input.schema(), state, buckets), outputs);
      merged = true;
      return side;
    } finally {
      // A failed job (Spark's exceptions are not all unchecked) leaves nothing cached behind.
      if (!merged) {
        outputs.unpersist(false);
      }
    }
  }

  /**
   * Rows per partition, counted before the pass so that each partition knows its first global row.
   * Only the partition index is read, so a file scan prunes every column.
   */
  private static long[] partitionCounts(Dataset<Row> rows, int partitions) {
    long[] counts = new long[partitions];
    for (Row r : rows.select(spark_partition_id().as("p")).groupBy("p").count().collectAsList()) {
      counts[r.getInt(0)] = r.getLong(1);
    }
    return counts;
  }

  /**
   * The partitions' bucketed states merged by a tree reduction on the executors, as the other
   * states are: the merge is order-free (the states are functions of the set of rows), so this
   * equals the command line's whatever the grouping, and the driver receives one merged state.
   */
  private static Buckets buckets(JavaRDD<PartState.Output> outputs) {
    byte[] none = Buckets.empty().toBytes();
    return Buckets.fromBytes(
        outputs
            .map(o -> o.buckets() == null ? none : o.buckets())
            .treeReduce((a, b) -> Buckets.fromBytes(a).merge(Buckets.fromBytes(b)).toBytes()));
  }

  /**
   * The engine's pass from the merged state: a counts-only profile, the sample, the digest and the
   * bucketed states of every row (or null).
   */
  private static FullPass fullPass(Schema schema, PartState merged, Buckets buckets) {
    DatasetProfile empty = DatasetProfile.empty(schema, StateConfig.defaults());
    List<ColumnStates> columns = new ArrayList<>(schema.size());
    for (int c = 0; c < schema.size(); c++) {
      ColumnStates s = empty.columns().get(c);
      columns.add(
          new ColumnStates(
              s.field(),
              new CountsState(merged.rows, merged.nulls[c], merged.invalid[c]),
              s.distinct(),
              s.moments(),
              s.quantiles(),
              s.frequencies(),
              s.text(),
              s.datetime()));
    }
    DatasetProfile profile = new DatasetProfile(schema, columns, empty.pairs());
    RowSampleState sample = StateBytes.sample(merged.sample);
    List<byte[]> digests = merged.digestsInOrder();
    String digest;
    if (digests.size() == 1) {
      digest = HexFormat.of().formatHex(digests.get(0));
    } else {
      MessageDigest top = RawTable.sha256();
      digests.forEach(top::update);
      digest = HexFormat.of().formatHex(top.digest());
    }
    return FullPass.of(profile, sample, null, digest, buckets);
  }

  /** The engine's own error when a task failed with one, so exit codes stay the command line's. */
  static RuntimeException unwrap(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SynthosException s) {
        return s;
      }
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("PATH_NOT_FOUND")) {
        return new SynthosException(
            ErrorCode.FILE_NOT_FOUND, "no such path: " + firstLine(m), null, e);
      }
      if (m.contains("MALFORMED_CSV_RECORD") || m.contains("MALFORMED_RECORD_IN_PARSING")) {
        // Spark's FAILFAST: a record with more or fewer fields than the header, as RAGGED_ROW.
        return new SynthosException(
            ErrorCode.MALFORMED_RECORD, "malformed CSV record: " + firstLine(m), null, e);
      }
    }
    return new SynthosException(
        ErrorCode.INTERNAL, "the Spark job failed: " + firstLine(message), null, e);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
