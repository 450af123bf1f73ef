package org.synthos.spark;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.rows.RowSampleState;
import org.synthos.core.state.CountsState;
import org.synthos.io.ReadOptions;
import org.synthos.io.TextCells;

/**
 * The engine's own pass ({@link FullPass#read}, on one thread) over one Spark partition: its rows
 * become {@link ColumnBatch}es whose first rows are global file row indexes (the partition's offset
 * plus the position within it), so the sample's priorities, the row hashes and the rows' buckets
 * are those of the command line's pass. Yields one {@link PartState.Output} per partition.
 *
 * <p>The bucketed states depend on the set of global row indexes and values alone (a bucket's
 * numbers are a bottom-k sample keyed on a hash of the global row), so the partitions' states merge
 * to the command line's whatever the partitioning and at any size: exactly, but for the pair
 * co-moments, which agree to rounding.
 */
final class PartitionPass implements Function2<Integer, Iterator<Row>, Iterator<PartState.Output>> {
  private static final long serialVersionUID = 1L;

  private final String uri;
  private final byte[] schema;
  private final boolean textCells;
  private final String[] nullTokens;
  private final int batchSize;
  private final int[] hashed;
  private final int maxRows;
  private final long seed;
  private final long sampleBound;
  private final long[] offsets;
  private final long[] counts;

  /** Cut points of the numbers binned for their pairs with categories, by column name. */
  private final LinkedHashMap<String, double[]> cuts;

  PartitionPass(
      SparkInput input,
      int[] hashed,
      int maxRows,
      long seed,
      long sampleBound,
      long[] offsets,
      long[] counts,
      Map<String, double[]> cuts) {
    this.uri = input.uri();
    this.schema = StateBytes.schema(input.schema());
    this.textCells = input.textCells();
    this.nullTokens = input.readOptions().nullTokens().toArray(new String[0]);
    this.batchSize = input.readOptions().batchSize();
    this.hashed = hashed.clone();
    this.maxRows = maxRows;
    this.seed = seed;
    this.sampleBound = sampleBound;
    this.offsets = offsets.clone();
    this.counts = counts.clone();
    this.cuts = new LinkedHashMap<>(cuts);
  }

  /** Rows of this input as engine batches, numbered from 0, as a partition's are converted. */
  Iterator<ColumnBatch> batches(Iterator<Row> rows) {
    return new Batches(StateBytes.schema(schema), rows, 0);
  }

  @Override
  public Iterator<PartState.Output> call(Integer partition, Iterator<Row> rows) {
    Schema s = StateBytes.schema(schema);
    int p = partition;
    long first = offsets[p];
    int f = s.size();
    if (counts[p] == 0) {
      if (rows.hasNext()) {
        throw changed(p);
      }
      RowSampleState empty = RowSampleState.empty(s, seed, maxRows);
      PartState state =
          new PartState(0, new long[f], new long[f], StateBytes.sample(empty), Map.of());
      return List.of(new PartState.Output(state, first, new long[0], null)).iterator();
    }
    Batches batches = new Batches(s, rows, first);
    FullPass pass =
        FullPass.read(
            new DatasetSource(uri, s, () -> batches, null, -1),
            hashed,
            maxRows,
            seed,
            1,
            sampleBound,
            cuts);
    if (batches.next != first + counts[p]) {
      throw changed(p);
    }
    long[] nulls = new long[f];
    long[] invalid = new long[f];
    for (int c = 0; c < f; c++) {
      CountsState counted = pass.profile.columns().get(c).counts();
      nulls[c] = counted.nulls();
      invalid[c] = counted.invalid();
    }
    long[] hashes = new long[hashed.length == 0 ? 0 : (int) counts[p]];
    if (pass.hashes != null) {
      pass.hashes.forEach((row, h) -> hashes[(int) (row - first)] = h);
    }
    PartState state =
        new PartState(
            pass.profile.rows(),
            nulls,
            invalid,
            StateBytes.sample(pass.sample),
            Map.of(p, HexFormat.of().parseHex(pass.contentSha256)));
    byte[] buckets = pass.buckets == null ? null : pass.buckets.toBytes();
    return List.of(new PartState.Output(state, first, hashes, buckets)).iterator();
  }

  private SynthosException changed(int p) {
    return new SynthosException(
        ErrorCode.INTERNAL,
        "partition "
            + p
            + " yielded other rows than when it was counted; the input must read the same rows in"
            + " the same order each time (a file scan does; a shuffle does not)",
        Location.ofFile(uri));
  }

  /** The partition's rows as engine batches, in order, numbered from the partition's offset. */
  private final class Batches implements Iterator<ColumnBatch> {
    private final Iterator<Row> rows;
    private final TextCells.Batches text;
    private final TypedBatches typed;
    private long next;

    Batches(Schema s, Iterator<Row> rows, long first) {
      this.rows = rows;
      this.next = first;
      if (textCells) {
        ReadOptions options =
            ReadOptions.defaults()
                .withNullTokens(new LinkedHashSet<>(List.of(nullTokens)))
                .withBatchSize(batchSize);
        this.text = TextCells.batches(s, options);
        this.typed = null;
      } else {
        this.text = null;
        this.typed = new TypedBatches(s, batchSize);
      }
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public ColumnBatch next() {
      if (!rows.hasNext()) {
        throw new NoSuchElementException();
      }
      ColumnBatch batch;
      if (text != null) {
        while (!text.full() && rows.hasNext()) {
          Row row = rows.next();
          String[] cells = new String[row.length()];
          for (int c = 0; c < cells.length; c++) {
            cells[c] = row.isNullAt(c) ? null : row.getString(c);
          }
          text.add(cells);
        }
        batch = text.build(next);
      } else {
        while (!typed.full() && rows.hasNext()) {
          typed.add(rows.next());
        }
        batch = typed.build(next);
      }
      next += batch.rowCount();
      return batch;
    }
  }
}
