package org.synthos.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.synthos.core.assess.pool.ExactRows;

/**
 * Exact duplicates and reference copies over every row, by a distributed aggregation of the row
 * hashes grouped by hash: the same counts and listed rows as {@link ExactRows#of} over the whole
 * files, with no list of every hash on the driver. The driver receives the totals and at most
 * {@code maxListed} rows per cause (the lowest ones, by a distributed top-k).
 */
final class ExactRowsJob {
  private static final StructType HASHES =
      new StructType()
          .add("h", DataTypes.LongType, false)
          .add("r", DataTypes.LongType, false)
          .add("side", DataTypes.IntegerType, false);

  private ExactRowsJob() {}

  /**
   * @param reference null without a reference
   */
  static ExactRows of(
      SparkSession spark,
      JavaRDD<PartState.Output> candidate,
      long candidateRows,
      JavaRDD<PartState.Output> reference,
      long referenceRows,
      int maxListed) {
    Dataset<Row> cand = hashes(spark, candidate, 0);
    Dataset<Row> all = reference == null ? cand : cand.unionAll(hashes(spark, reference, 1));
    // One shuffle of both files' hashes: per hash, how many candidate rows hold it, the lowest of
    // them, and the lowest reference row; hashes only the reference holds are dropped.
    Dataset<Row> groups =
        all.groupBy("h")
            .agg(
                sum(when(col("side").equalTo(0), 1L).otherwise(0L)).as("n"),
                min(when(col("side").equalTo(0), col("r"))).as("first"),
                min(when(col("side").equalTo(1), col("r"))).as("ref_first"))
            .filter(col("n").gt(0))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row totals =
          groups
              .agg(
                  count(lit(1)).as("distinct"),
                  sum(when(col("n").gt(1), 1L).otherwise(0L)).as("groups"),
                  sum(when(col("ref_first").isNotNull(), col("n")).otherwise(0L)).as("copied"))
              .first();
      long distinct = totals.getLong(0);
      long duplicateGroups = totals.isNullAt(1) ? 0 : totals.getLong(1);
      long copied = totals.isNullAt(2) ? 0 : totals.getLong(2);

      // Naming rows needs the candidate's rows again, joined to the few groups that matter.
      long[][] dups = {new long[0], new long[0]};
      if (duplicateGroups > 0) {
        Dataset<Row> repeated = groups.filter(col("n").gt(1)).select(col("h"), col("first"));
        dups =
            lowest(
                cand.join(repeated, "h")
                    .filter(col("r").notEqual(col("first")))
                    .select(col("r"), col("first")),
                maxListed);
      }
      long[][] copies = {new long[0], new long[0]};
      if (copied > 0) {
        Dataset<Row> shared =
            groups.filter(col("ref_first").isNotNull()).select(col("h"), col("ref_first"));
        copies = lowest(cand.join(shared, "h").select(col("r"), col("ref_first")), maxListed);
      }
      return ExactRows.counted(
          candidateRows,
          candidateRows - distinct,
          duplicateGroups,
          copied,
          reference == null ? 0 : referenceRows,
          dups[0],
          dups[1],
          copies[0],
          copies[1]);
    } finally {
      groups.unpersist(false);
    }
  }

  /** The {@code max} pairs with the lowest first column, ascending, as one-based rows. */
  private static long[][] lowest(Dataset<Row> pairs, int max) {
    List<Row> rows = pairs.orderBy(col("r")).limit(max).collectAsList();
    long[][] out = {new long[rows.size()], new long[rows.size()]};
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = rows.get(i).getLong(0) + 1;
      out[1][i] = rows.get(i).getLong(1) + 1;
    }
    return out;
  }

  /** Each row's hash and zero-based row, tagged with its side (0 candidate, 1 reference). */
  private static Dataset<Row> hashes(
      SparkSession spark, JavaRDD<PartState.Output> outputs, int side) {
    // One row per hash, made as Spark pulls them, so a partition's rows are never all held.
    JavaRDD<Row> rows =
        outputs.flatMap(
            o ->
                new Iterator<Row>() {
                  private int i;

                  @Override
                  public boolean hasNext() {
                    return i < o.hashes().length;
                  }

                  @Override
                  public Row next() {
                    if (i >= o.hashes().length) {
                      throw new NoSuchElementException();
                    }
                    Row row = RowFactory.create(o.hashes()[i], o.firstRow() + i, side);
                    i++;
                    return row;
                  }
                });
    return spark.createDataFrame(rows, HASHES);
  }
}
