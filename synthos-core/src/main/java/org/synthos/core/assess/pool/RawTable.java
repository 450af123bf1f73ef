package org.synthos.core.assess.pool;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.rows.RowSampleState;
import org.synthos.core.state.CountsState;

/**
 * One dataset held column by column: numeric cells as doubles, everything else as strings, a null
 * flag per cell and the file row of each held row. Files longer than the cap are reduced to the
 * seeded bottom-k sample of {@link RowSampleState}, held in file order.
 */
public final class RawTable {
  public final String uri;
  public final Schema schema;
  public final double[][] numbers;
  public final String[][] strings;
  public final boolean[][] nulls;
  public final long[] rowNumbers;
  public final int size;
  public final long totalRows;
  public final long[] invalidCells;
  public final long[] nullCells;
  public final String contentSha256;

  private RawTable(
      String uri,
      Schema schema,
      double[][] numbers,
      String[][] strings,
      boolean[][] nulls,
      long[] rowNumbers,
      int size,
      long totalRows,
      long[] invalidCells,
      long[] nullCells,
      String contentSha256) {
    this.uri = uri;
    this.schema = schema;
    this.numbers = numbers;
    this.strings = strings;
    this.nulls = nulls;
    this.rowNumbers = rowNumbers;
    this.size = size;
    this.totalRows = totalRows;
    this.invalidCells = invalidCells;
    this.nullCells = nullCells;
    this.contentSha256 = contentSha256;
  }

  public boolean isNumeric(int field) {
    return numbers[field] != null;
  }

  /** Builds a table from held arrays, e.g. after an ablation removed rows. */
  public RawTable select(int[] keep) {
    int f = schema.size();
    double[][] num = new double[f][];
    String[][] str = new String[f][];
    boolean[][] nul = new boolean[f][];
    for (int c = 0; c < f; c++) {
      nul[c] = new boolean[keep.length];
      if (numbers[c] != null) {
        num[c] = new double[keep.length];
      } else {
        str[c] = new String[keep.length];
      }
      for (int i = 0; i < keep.length; i++) {
        nul[c][i] = nulls[c][keep[i]];
        if (num[c] != null) {
          num[c][i] = numbers[c][keep[i]];
        } else {
          str[c][i] = strings[c][keep[i]];
        }
      }
    }
    long[] rows = new long[keep.length];
    for (int i = 0; i < keep.length; i++) {
      rows[i] = rowNumbers[keep[i]];
    }
    return new RawTable(
        uri,
        schema,
        num,
        str,
        nul,
        rows,
        keep.length,
        keep.length,
        invalidCells,
        nullCells,
        contentSha256);
  }

  /** Drops the named columns (for the degenerate-column ablation). */
  public RawTable withoutColumns(Set<String> drop) {
    List<Field> fields = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      if (!drop.contains(schema.field(c).name())) {
        fields.add(schema.field(c));
        kept.add(c);
      }
    }
    int f = kept.size();
    double[][] num = new double[f][];
    String[][] str = new String[f][];
    boolean[][] nul = new boolean[f][];
    long[] inv = new long[f];
    long[] nc = new long[f];
    for (int k = 0; k < f; k++) {
      int c = kept.get(k);
      num[k] = numbers[c];
      str[k] = strings[c];
      nul[k] = nulls[c];
      inv[k] = invalidCells[c];
      nc[k] = nullCells[c];
    }
    return new RawTable(
        uri,
        new Schema(fields),
        num,
        str,
        nul,
        rowNumbers,
        size,
        totalRows,
        inv,
        nc,
        contentSha256);
  }

  /** Reads {@code source} in one pass on all cores, holding a sample of at most maxRows rows. */
  public static RawTable read(DatasetSource source, int maxRows, long seed) {
    int threads = Runtime.getRuntime().availableProcessors();
    return of(source, FullPass.read(source, new int[0], maxRows, seed, threads));
  }

  /**
   * The table of a pass's row sample in file order; row, null and invalid counts come from the
   * profile of every row.
   */
  public static RawTable of(DatasetSource source, FullPass pass) {
    Schema schema = source.schema();
    RowSampleState sample = pass.sample;
    int size = sample.size();
    long[] sampled = sample.rows();
    int[] order =
        IntStream.range(0, size)
            .boxed()
            .sorted(Comparator.comparingLong(i -> sampled[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    long[] rows = new long[size];
    for (int k = 0; k < size; k++) {
      rows[k] = sampled[order[k]] + 1;
    }
    int f = schema.size();
    double[][] num = new double[f][];
    String[][] str = new String[f][];
    boolean[][] nul = new boolean[f][];
    long[] invalid = new long[f];
    long[] nullCount = new long[f];
    for (int c = 0; c < f; c++) {
      CountsState counts = pass.profile.columns().get(c).counts();
      invalid[c] = counts.invalid();
      nullCount[c] = counts.nulls();
      Column col = sample.columns().get(c);
      nul[c] = new boolean[size];
      if (schema.field(c).type().isNumeric()) {
        num[c] = new double[size];
      } else {
        str[c] = new String[size];
      }
      for (int k = 0; k < size; k++) {
        int i = order[k];
        boolean isNull = col.isNull(i);
        if (col instanceof Column.Longs l) {
          num[c][k] = isNull ? Double.NaN : l.values()[i];
        } else if (col instanceof Column.Doubles d) {
          num[c][k] = isNull ? Double.NaN : d.values()[i];
          isNull |= Double.isNaN(num[c][k]);
        } else if (col instanceof Column.Booleans b) {
          str[c][k] = isNull ? null : b.values()[i] ? "true" : "false";
        } else {
          str[c][k] = isNull ? null : ((Column.Strings) col).values()[i];
        }
        nul[c][k] = isNull;
      }
    }
    return new RawTable(
        source.uri(),
        schema,
        num,
        str,
        nul,
        rows,
        size,
        pass.profile.rows(),
        invalid,
        nullCount,
        pass.contentSha256);
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "SHA-256 is not available", null, e);
    }
  }

  public ColumnType type(int field) {
    return schema.field(field).type();
  }
}
