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
import org.synthos.core.assess.pool.ExactRows;

/**
 * Exact duplicates and reference copies over every row, by a distributed aggregation of the row
 * hashes grouped by hash: the same counts and listed rows as {@link ExactRows#of} over the whole
 * files, with no list of every hash on the driver. The driver receives the totals and at most
 * {@code maxListed} rows per cause (the lowest ones, by a distributed top-k).
 */
final class ExactRowsJob {
  private static final StructType HASHES =
      new StructType().add("h", DataTypes.LongType, false).add("r", DataTypes.LongType, false);

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
    Dataset<Row> cand = hashes(spark, candidate);
    // Per candidate hash: how many rows hold it and the lowest of them.
    Dataset<Row> groups = cand.groupBy("h").agg(count(lit(1)).as("n"), min("r").as("first"));
    Dataset<Row> refFirst =
        reference == null
            ? null
            : hashes(spark, reference).groupBy("h").agg(min("r").as("ref_first"));
    Dataset<Row> joined =
        refFirst == null
            ? groups.withColumn("ref_first", lit(null).cast(DataTypes.LongType))
            : groups
                .join(refFirst, groups.col("h").equalTo(refFirst.col("h")), "left_outer")
                .drop(refFirst.col("h"));
    Row totals =
        joined
            .agg(
                count(lit(1)).as("distinct"),
                sum(when(col("n").gt(1), 1L).otherwise(0L)).as("groups"),
                sum(when(col("ref_first").isNotNull(), col("n")).otherwise(0L)).as("copied"))
            .first();
    long distinct = totals.getLong(0);
    long duplicateGroups = totals.isNullAt(1) ? 0 : totals.getLong(1);
    long copied = totals.isNullAt(2) ? 0 : totals.getLong(2);

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
      copies = lowest(cand.join(refFirst, "h").select(col("r"), col("ref_first")), maxListed);
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

  private static Dataset<Row> hashes(SparkSession spark, JavaRDD<PartState.Output> outputs) {
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
                    Row row = RowFactory.create(o.hashes()[i], o.firstRow() + i);
                    i++;
                    return row;
                  }
                });
    return spark.createDataFrame(rows, HASHES);
  }
}
