package org.synthos.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.rows.RowSampleState;

/**
 * Bytes for what crosses the cluster: the engine's schema and its row sample. Spark ships them as
 * byte arrays, so the engine's types need not be {@code Serializable} and no Spark serializer
 * setting can change them. Round trips are exact (doubles bit for bit, masks bit for bit).
 */
final class StateBytes {
  private StateBytes() {}

  static byte[] schema(Schema schema) {
    return write(out -> writeSchema(out, schema));
  }

  static Schema schema(byte[] bytes) {
    return read(bytes, StateBytes::readSchema);
  }

  static byte[] sample(RowSampleState s) {
    return write(
        out -> {
          writeSchema(out, s.schema());
          out.writeLong(s.seed());
          out.writeInt(s.capacity());
          out.writeLong(s.rowCount());
          int n = s.size();
          out.writeInt(n);
          for (int i = 0; i < n; i++) {
            out.writeLong(s.rows()[i]);
            out.writeLong(s.priorities()[i]);
          }
          for (Column c : s.columns()) {
            writeColumn(out, c, n);
          }
        });
  }

  static RowSampleState sample(byte[] bytes) {
    return read(
        bytes,
        in -> {
          Schema schema = readSchema(in);
          long seed = in.readLong();
          int capacity = in.readInt();
          long rowCount = in.readLong();
          int n = in.readInt();
          long[] rows = new long[n];
          long[] priorities = new long[n];
          for (int i = 0; i < n; i++) {
            rows[i] = in.readLong();
            priorities[i] = in.readLong();
          }
          List<Column> columns = new ArrayList<>(schema.size());
          for (Field f : schema.fields()) {
            columns.add(readColumn(in, f.type().physical(), n));
          }
          return new RowSampleState(schema, seed, capacity, rowCount, rows, priorities, columns);
        });
  }

  private static void writeSchema(DataOutputStream out, Schema schema) throws IOException {
    out.writeInt(schema.size());
    for (Field f : schema.fields()) {
      writeString(out, f.name());
      writeString(out, f.type().label());
    }
  }

  private static Schema readSchema(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Field> fields = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = readString(in);
      fields.add(new Field(name, ColumnType.fromLabel(readString(in))));
    }
    return new Schema(fields);
  }

  private static void writeColumn(DataOutputStream out, Column c, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      out.writeByte((c.isNull(i) ? 1 : 0) | (c.invalid().get(i) ? 2 : 0));
    }
    for (int i = 0; i < n; i++) {
      if (c instanceof Column.Longs l) {
        out.writeLong(l.values()[i]);
      } else if (c instanceof Column.Doubles d) {
        out.writeLong(Double.doubleToRawLongBits(d.values()[i]));
      } else if (c instanceof Column.Booleans b) {
        out.writeBoolean(b.values()[i]);
      } else {
        String v = ((Column.Strings) c).values()[i];
        out.writeBoolean(v != null);
        if (v != null) {
          writeString(out, v);
        }
      }
    }
  }

  private static Column readColumn(DataInputStream in, ColumnType.Physical type, int n)
      throws IOException {
    boolean[] nulls = new boolean[n];
    boolean[] invalid = new boolean[n];
    for (int i = 0; i < n; i++) {
      int flags = in.readByte();
      nulls[i] = (flags & 1) != 0;
      invalid[i] = (flags & 2) != 0;
    }
    Mask nullMask = Mask.of(nulls);
    Mask invalidMask = Mask.of(invalid);
    switch (type) {
      case LONG -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readLong();
        }
        return new Column.Longs(v, n, nullMask, invalidMask);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = Double.longBitsToDouble(in.readLong());
        }
        return new Column.Doubles(v, n, nullMask, invalidMask);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readBoolean();
        }
        return new Column.Booleans(v, n, nullMask, invalidMask);
      }
      default -> {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readBoolean() ? readString(in) : null;
        }
        return new Column.Strings(v, n, nullMask, invalidMask);
      }
    }
  }

  /** UTF-8 with an int length: {@code writeUTF} stops at 64 KiB, and a text cell may not. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer w) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      w.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> r) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return r.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
