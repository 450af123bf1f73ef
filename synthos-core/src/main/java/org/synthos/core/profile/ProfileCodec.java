package org.synthos.core.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.CorrelationRatioState;
import org.synthos.core.state.CountsState;
import org.synthos.core.state.DatetimeState;
import org.synthos.core.state.DistinctState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.PairStates;
import org.synthos.core.state.QuantileState;
import org.synthos.core.state.State;
import org.synthos.core.state.StateCodec;
import org.synthos.core.state.TextState;

/**
 * The versioned binary form of a {@link DatasetProfile}; {@code decode(encode(p)).equals(p)}.
 *
 * <pre>
 * profile = magic "SYPR" | format version (1 byte, {@link StateCodec#FORMAT_VERSION})
 *         | int fields | per field: name (string), type label (string)
 *         | per field: counts, distinct, then a presence byte and state body for each of
 *           moments, quantiles, frequencies, text, datetime
 *         | three pair maps (co-moments, contingency, correlation ratio):
 *           int size | per entry: int first, int second, state body
 * </pre>
 *
 * State bodies are {@link StateCodec#write}. A version newer than this reader's is refused with
 * {@link ErrorCode#UNSUPPORTED_VERSION}.
 */
public final class ProfileCodec {
  private static final int MAGIC = 0x53595052; // "SYPR"

  private ProfileCodec() {}

  public static byte[] encode(DatasetProfile profile) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(StateCodec.FORMAT_VERSION);
      Schema schema = profile.schema();
      out.writeInt(schema.size());
      for (Field f : schema.fields()) {
        StateCodec.writeString(out, f.name());
        // "type/reason"; an encoding without the reason decodes as declared.
        StateCodec.writeString(out, f.type().label() + "/" + f.reason().key());
      }
      for (ColumnStates c : profile.columns()) {
        StateCodec.write(out, c.counts());
        StateCodec.write(out, c.distinct());
        for (Optional<? extends State> s :
            List.of(c.moments(), c.quantiles(), c.frequencies(), c.text(), c.datetime())) {
          out.writeBoolean(s.isPresent());
          if (s.isPresent()) {
            StateCodec.write(out, s.get());
          }
        }
      }
      writePairs(out, profile.pairs().coMoments());
      writePairs(out, profile.pairs().contingency());
      writePairs(out, profile.pairs().correlationRatio());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writePairs(DataOutputStream out, SortedMap<ColumnPair, ? extends State> m)
      throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<ColumnPair, ? extends State> e : m.entrySet()) {
      out.writeInt(e.getKey().first());
      out.writeInt(e.getKey().second());
      StateCodec.write(out, e.getValue());
    }
  }

  public static DatasetProfile decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readInt() != MAGIC) {
        throw corrupt("not an encoded Synthos profile (bad magic number)");
      }
      StateCodec.checkVersion(in.readUnsignedByte(), "profile");
      int n = StateCodec.readCount(in);
      List<Field> fields = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = StateCodec.readString(in);
        fields.add(field(name, StateCodec.readString(in)));
      }
      Schema schema = new Schema(fields);
      List<ColumnStates> columns = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        columns.add(
            new ColumnStates(
                fields.get(i),
                as(CountsState.class, StateCodec.read(in)),
                as(DistinctState.class, StateCodec.read(in)),
                optional(in, MomentsState.class),
                optional(in, QuantileState.class),
                optional(in, FrequencyState.class),
                optional(in, TextState.class),
                optional(in, DatetimeState.class)));
      }
      PairStates pairs =
          new PairStates(
              readPairs(in, CoMomentsState.class),
              readPairs(in, ContingencyState.class),
              readPairs(in, CorrelationRatioState.class));
      if (in.available() > 0) {
        throw corrupt("encoded profile has trailing bytes");
      }
      return new DatasetProfile(schema, columns, pairs);
    } catch (IOException e) {
      throw corrupt("encoded profile is truncated");
    } catch (IllegalArgumentException e) {
      throw corrupt("encoded profile is inconsistent: " + e.getMessage());
    }
  }

  private static Field field(String name, String typeAndReason) {
    int slash = typeAndReason.indexOf('/');
    if (slash < 0) {
      return new Field(name, ColumnType.fromLabel(typeAndReason));
    }
    String reason = typeAndReason.substring(slash + 1).toUpperCase(Locale.ROOT);
    try {
      return new Field(
          name,
          ColumnType.fromLabel(typeAndReason.substring(0, slash)),
          TypeReason.valueOf(reason));
    } catch (IllegalArgumentException e) {
      throw corrupt("unknown type reason '" + reason + "' for column '" + name + "'");
    }
  }

  private static <T extends State> Optional<T> optional(DataInputStream in, Class<T> type)
      throws IOException {
    return in.readBoolean() ? Optional.of(as(type, StateCodec.read(in))) : Optional.empty();
  }

  private static <T extends State> SortedMap<ColumnPair, T> readPairs(
      DataInputStream in, Class<T> type) throws IOException {
    int n = StateCodec.readCount(in);
    TreeMap<ColumnPair, T> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      ColumnPair key = new ColumnPair(in.readInt(), in.readInt());
      m.put(key, as(type, StateCodec.read(in)));
    }
    return m;
  }

  private static <T extends State> T as(Class<T> type, State s) {
    if (!type.isInstance(s)) {
      throw corrupt("expected a " + type.getSimpleName() + " but found " + s.kind());
    }
    return type.cast(s);
  }

  private static SynthosException corrupt(String message) {
    return new SynthosException(ErrorCode.CORRUPT_FILE, message);
  }
}
