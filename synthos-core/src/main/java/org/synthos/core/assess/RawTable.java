package org.synthos.core.assess;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * One dataset held column by column: numeric cells as doubles, everything else as strings, a null
 * flag per cell and the file row of each held row. Files longer than the cap are reduced to a
 * uniform reservoir sample (Vitter's algorithm R) drawn with the given seed.
 */
final class RawTable {
  final String uri;
  final Schema schema;
  final double[][] numbers;
  final String[][] strings;
  final boolean[][] nulls;
  final long[] rowNumbers;
  final int size;
  final long totalRows;
  final long[] invalidCells;
  final long[] nullCells;
  final String contentSha256;

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

  boolean isNumeric(int field) {
    return numbers[field] != null;
  }

  /** Builds a table from held arrays, e.g. after an ablation removed rows. */
  RawTable select(int[] keep) {
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
  RawTable withoutColumns(Set<String> drop) {
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

  static RawTable read(DatasetSource source, int maxRows, long seed) {
    Schema schema = source.schema();
    int f = schema.size();
    int capacity = 1024;
    double[][] num = new double[f][];
    String[][] str = new String[f][];
    boolean[][] nul = new boolean[f][];
    for (int c = 0; c < f; c++) {
      if (schema.field(c).type().isNumeric()) {
        num[c] = new double[capacity];
      } else {
        str[c] = new String[capacity];
      }
      nul[c] = new boolean[capacity];
    }
    long[] rows = new long[capacity];
    long[] invalid = new long[f];
    long[] nullCount = new long[f];
    SplittableRandom random = new SplittableRandom(seed);
    MessageDigest digest = sha256();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 14);
    long total = 0;
    int held = 0;
    Iterator<ColumnBatch> it = source.batches().get();
    while (it.hasNext()) {
      ColumnBatch batch = it.next();
      if (!batch.schema().equals(schema)) {
        throw new SynthosException(
            ErrorCode.SCHEMA_MISMATCH,
            "a batch's columns differ from the dataset's schema",
            Location.ofFile(source.uri()).withRow(batch.firstRow() + 1));
      }
      for (int c = 0; c < f; c++) {
        invalid[c] += batch.column(c).invalid().cardinality();
        nullCount[c] += batch.column(c).nulls().cardinality();
      }
      for (int r = 0; r < batch.rowCount(); r++, total++) {
        int slot;
        if (held < maxRows) {
          slot = held++;
          if (slot == rows.length) {
            int grown = (int) Math.min((long) rows.length * 2, maxRows);
            rows = Arrays.copyOf(rows, grown);
            for (int c = 0; c < f; c++) {
              nul[c] = Arrays.copyOf(nul[c], grown);
              if (num[c] != null) {
                num[c] = Arrays.copyOf(num[c], grown);
              } else {
                str[c] = Arrays.copyOf(str[c], grown);
              }
            }
          }
        } else {
          long j = random.nextLong(total + 1);
          slot = j < maxRows ? (int) j : -1;
        }
        if (slot >= 0) {
          rows[slot] = batch.firstRow() + r + 1;
        }
        for (int c = 0; c < f; c++) {
          Column col = batch.column(c);
          boolean isNull = col.isNull(r);
          if (buffer.remaining() < 16) {
            flush(digest, buffer);
          }
          if (isNull) {
            buffer.put((byte) 0);
            if (slot >= 0) {
              nul[c][slot] = true;
              if (num[c] != null) {
                num[c][slot] = Double.NaN;
              } else {
                str[c][slot] = null;
              }
            }
            continue;
          }
          buffer.put((byte) 1);
          if (slot >= 0) {
            nul[c][slot] = false;
          }
          if (col instanceof Column.Longs l) {
            buffer.putLong(l.values()[r]);
            if (slot >= 0) {
              num[c][slot] = l.values()[r];
            }
          } else if (col instanceof Column.Doubles d) {
            double v = d.values()[r];
            buffer.putDouble(v);
            if (slot >= 0) {
              num[c][slot] = v;
              nul[c][slot] = Double.isNaN(v);
            }
          } else if (col instanceof Column.Booleans b) {
            buffer.put(b.values()[r] ? (byte) 1 : (byte) 2);
            if (slot >= 0) {
              str[c][slot] = b.values()[r] ? "true" : "false";
            }
          } else {
            String v = ((Column.Strings) col).values()[r];
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(bytes.length);
            flush(digest, buffer);
            digest.update(bytes);
            if (slot >= 0) {
              str[c][slot] = v;
            }
          }
        }
      }
    }
    flush(digest, buffer);
    if (total == 0) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS, "the dataset has no data rows", Location.ofFile(source.uri()));
    }
    return new RawTable(
        source.uri(),
        schema,
        num,
        str,
        nul,
        rows,
        held,
        total,
        invalid,
        nullCount,
        HexFormat.of().formatHex(digest.digest()));
  }

  private static void flush(MessageDigest digest, ByteBuffer buffer) {
    buffer.flip();
    digest.update(buffer);
    buffer.clear();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "SHA-256 is not available", null, e);
    }
  }

  ColumnType type(int field) {
    return schema.field(field).type();
  }
}
