package org.synthos.core.rows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * The versioned binary form of {@link RowState}s. Decoding an encoding gives an equal state.
 *
 * <p>Layout (big-endian, as {@link DataOutputStream} writes): magic {@code "SYRW"} (int), format
 * version (byte, currently {@value #VERSION}), kind tag (byte, {@link RowStateKind#tag()}), then
 * the kind's body:
 *
 * <ul>
 *   <li>DUPLICATE_ROWS: seed (long), n (int), n x (high, low, row) longs;
 *   <li>NEAR_DUPLICATES: seed, capacity, bands, rowsPerBand, rowCount, n, then n x (row, priority,
 *       hashHigh, hashLow) and n x bands x rowsPerBand signature ints;
 *   <li>ROW_SAMPLE: seed, capacity, rowCount, n, schema (count, then name and type label per
 *       field), n x (row, priority), then per column n null flags, n invalid flags and n values
 *       (strings as a length, -1 for null, and UTF-16 code units).
 * </ul>
 *
 * A reader rejects a newer version than it knows with {@link ErrorCode#UNSUPPORTED_VERSION}, and
 * anything malformed with {@link ErrorCode#CORRUPT_FILE}.
 */
public final class RowStateCodec {
  static final int MAGIC = 0x53595257; // "SYRW"
  static final int VERSION = 1;

  private RowStateCodec() {}

  public static byte[] encode(RowState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeByte(state.kind().tag());
      if (state instanceof DuplicateRowsState s) {
        writeDuplicates(out, s);
      } else if (state instanceof NearDuplicateState s) {
        writeNearDuplicates(out, s);
      } else {
        writeSample(out, (RowSampleState) state);
      }
    } catch (IOException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "cannot encode row state: " + e, null, e);
    }
    return bytes.toByteArray();
  }

  public static RowState decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readInt() != MAGIC) {
        throw corrupt("not an encoded row state (bad magic number)");
      }
      int version = in.readUnsignedByte();
      if (version > VERSION) {
        throw new SynthosException(
            ErrorCode.UNSUPPORTED_VERSION,
            "row state format version "
                + version
                + " is newer than this reader, which supports at most version "
                + VERSION);
      }
      RowStateKind kind = RowStateKind.fromTag(in.readUnsignedByte());
      if (kind == null) {
        throw corrupt("unknown row state kind");
      }
      RowState state =
          switch (kind) {
            case DUPLICATE_ROWS -> readDuplicates(in);
            case NEAR_DUPLICATES -> readNearDuplicates(in);
            case ROW_SAMPLE -> readSample(in);
          };
      if (in.read() != -1) {
        throw corrupt("trailing bytes after the row state");
      }
      return state;
    } catch (EOFException e) {
      throw new SynthosException(ErrorCode.CORRUPT_FILE, "encoded row state is truncated", null, e);
    } catch (IOException e) {
      throw new SynthosException(ErrorCode.CORRUPT_FILE, "cannot decode row state: " + e, null, e);
    } catch (IllegalArgumentException e) {
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE, "encoded row state is inconsistent: " + e.getMessage(), null, e);
    }
  }

  private static SynthosException corrupt(String message) {
    return new SynthosException(ErrorCode.CORRUPT_FILE, message);
  }

  private static int readCount(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw corrupt("encoded row state has an impossible length " + n);
    }
    return n;
  }

  private static void writeDuplicates(DataOutputStream out, DuplicateRowsState s)
      throws IOException {
    out.writeLong(s.seed());
    out.writeInt(s.high().length);
    for (int i = 0; i < s.high().length; i++) {
      out.writeLong(s.high()[i]);
      out.writeLong(s.low()[i]);
      out.writeLong(s.rows()[i]);
    }
  }

  private static DuplicateRowsState readDuplicates(DataInputStream in) throws IOException {
    long seed = in.readLong();
    int n = readCount(in);
    long[] h = new long[n];
    long[] l = new long[n];
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = in.readLong();
      l[i] = in.readLong();
      r[i] = in.readLong();
      if (i > 0 && Sorting.compare(h[i - 1], l[i - 1], r[i - 1], h[i], l[i], r[i]) >= 0) {
        throw corrupt("encoded duplicate-row hashes are out of order");
      }
    }
    return new DuplicateRowsState(seed, h, l, r);
  }

  private static void writeNearDuplicates(DataOutputStream out, NearDuplicateState s)
      throws IOException {
    out.writeLong(s.seed());
    out.writeInt(s.capacity());
    out.writeInt(s.bands());
    out.writeInt(s.rowsPerBand());
    out.writeLong(s.rowCount());
    out.writeInt(s.rows().length);
    for (int i = 0; i < s.rows().length; i++) {
      out.writeLong(s.rows()[i]);
      out.writeLong(s.priorities()[i]);
      out.writeLong(s.hashHigh()[i]);
      out.writeLong(s.hashLow()[i]);
    }
    for (int v : s.signatures()) {
      out.writeInt(v);
    }
  }

  private static NearDuplicateState readNearDuplicates(DataInputStream in) throws IOException {
    long seed = in.readLong();
    int capacity = in.readInt();
    int bands = in.readInt();
    int rowsPerBand = in.readInt();
    long rowCount = in.readLong();
    int n = readCount(in);
    long[] r = new long[n];
    long[] p = new long[n];
    long[] hh = new long[n];
    long[] hl = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = in.readLong();
      p[i] = in.readLong();
      hh[i] = in.readLong();
      hl[i] = in.readLong();
    }
    long m = (long) n * bands * rowsPerBand;
    if (bands < 1 || rowsPerBand < 1 || m * 4 > in.available()) {
      throw corrupt("encoded near-duplicate signatures are truncated");
    }
    int[] sig = new int[(int) m];
    for (int i = 0; i < m; i++) {
      sig[i] = in.readInt();
    }
    return new NearDuplicateState(seed, capacity, bands, rowsPerBand, rowCount, r, p, hh, hl, sig);
  }

  private static void writeSample(DataOutputStream out, RowSampleState s) throws IOException {
    out.writeLong(s.seed());
    out.writeInt(s.capacity());
    out.writeLong(s.rowCount());
    int n = s.rows().length;
    out.writeInt(n);
    out.writeInt(s.schema().size());
    for (Field f : s.schema().fields()) {
      writeString(out, f.name());
      writeString(out, f.type().label());
    }
    for (int i = 0; i < n; i++) {
      out.writeLong(s.rows()[i]);
      out.writeLong(s.priorities()[i]);
    }
    for (Column c : s.columns()) {
      for (int i = 0; i < n; i++) {
        out.writeBoolean(c.nulls().get(i));
      }
      for (int i = 0; i < n; i++) {
        out.writeBoolean(c.invalid().get(i));
      }
      for (int i = 0; i < n; i++) {
        if (c instanceof Column.Longs x) {
          out.writeLong(x.values()[i]);
        } else if (c instanceof Column.Doubles x) {
          out.writeLong(Double.doubleToRawLongBits(x.values()[i]));
        } else if (c instanceof Column.Booleans x) {
          out.writeBoolean(x.values()[i]);
        } else {
          writeString(out, ((Column.Strings) c).values()[i]);
        }
      }
    }
  }

  private static RowSampleState readSample(DataInputStream in) throws IOException {
    long seed = in.readLong();
    int capacity = in.readInt();
    long rowCount = in.readLong();
    int n = readCount(in);
    int fieldCount = readCount(in);
    List<Field> fields = new ArrayList<>();
    for (int f = 0; f < fieldCount; f++) {
      String name = readString(in);
      fields.add(new Field(name, ColumnType.fromLabel(readString(in))));
    }
    Schema schema = new Schema(fields);
    long[] r = new long[n];
    long[] p = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = in.readLong();
      p[i] = in.readLong();
    }
    List<Column> cols = new ArrayList<>();
    for (Field f : fields) {
      boolean[] nulls = new boolean[n];
      boolean[] invalid = new boolean[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = in.readBoolean();
      }
      for (int i = 0; i < n; i++) {
        invalid[i] = in.readBoolean();
      }
      Mask nm = Mask.of(nulls);
      Mask im = Mask.of(invalid);
      switch (f.type().physical()) {
        case LONG -> {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readLong();
          }
          cols.add(new Column.Longs(v, n, nm, im));
        }
        case DOUBLE -> {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = Double.longBitsToDouble(in.readLong());
          }
          cols.add(new Column.Doubles(v, n, nm, im));
        }
        case BOOLEAN -> {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readBoolean();
          }
          cols.add(new Column.Booleans(v, n, nm, im));
        }
        case STRING -> {
          String[] v = new String[n];
          for (int i = 0; i < n; i++) {
            v[i] = readString(in);
          }
          cols.add(new Column.Strings(v, n, nm, im));
        }
      }
    }
    return new RowSampleState(schema, seed, capacity, rowCount, r, p, cols);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    // UTF-16 code units, so that any Java string (even a lone surrogate) round-trips exactly.
    out.writeInt(s.length());
    out.writeChars(s);
  }

  private static String readString(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len == -1) {
      return null;
    }
    if (len < 0 || 2L * len > in.available()) {
      throw corrupt("encoded string has an impossible length " + len);
    }
    char[] chars = new char[len];
    for (int i = 0; i < len; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }
}
