package org.synthos.core.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * The versioned binary form of every {@link State}. Big-endian, via {@link DataOutput}.
 *
 * <pre>
 * encoded state  = magic "SYST" (4 bytes) | format version (1 byte) | body
 * body           = kind tag (1 byte, {@link StateKind#tag()}) | payload of that kind
 * double         = IEEE 754 bits (so NaN payloads, -0.0 and infinities round-trip exactly)
 * string         = presence byte (0 = null, 1 = present) | int UTF-8 length | bytes
 * sketch image   = int length | bytes (DataSketches serialized form; QUANTILES: {@link
 *                  KllSketch#toImage})
 * </pre>
 *
 * Payloads, in order: COUNTS rows, nulls, invalid (longs). MOMENTS count, mean, m2, m3, m4, min,
 * max, scale (int), nan, +inf, -inf counts. QUANTILES KLL image (format 2 on; format 1 held a
 * DataSketches image and is refused). DISTINCT HLL image. FREQUENCIES cap, lgMapSize (ints), mode
 * byte (0 exact: int size, then value and long count per entry; 1 sketch: image). TEXT two MOMENTS
 * payloads. DATETIME count, min, max (longs), granularity ordinal byte. CO_MOMENTS count, then five
 * doubles. CONTINGENCY cap, total, overflow byte, int cells, then left, right, count per cell.
 * CORRELATION_RATIO cap, overflow byte, int groups, then label, count, mean, m2 per group.
 *
 * <p>A reader rejects a version above {@link #FORMAT_VERSION} or below {@link
 * #OLDEST_READABLE_VERSION} with {@link ErrorCode#UNSUPPORTED_VERSION}.
 */
public final class StateCodec {
  /** The newest format this build writes and reads. */
  public static final int FORMAT_VERSION = 2;

  /**
   * The oldest format this build reads. Version 1 held DataSketches KLL images, whose compaction
   * could not be seeded; they are refused rather than converted.
   */
  public static final int OLDEST_READABLE_VERSION = 2;

  private static final int MAGIC = 0x53595354; // "SYST"

  private StateCodec() {}

  public static byte[] encode(State state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(FORMAT_VERSION);
      write(out, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static State decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readInt() != MAGIC) {
        throw corrupt("not an encoded Synthos state (bad magic number)");
      }
      checkVersion(in.readUnsignedByte(), "state");
      State s = read(in);
      if (in.available() > 0) {
        throw corrupt("encoded state has " + in.available() + " trailing bytes");
      }
      return s;
    } catch (IOException e) {
      throw corrupt("encoded state is truncated");
    }
  }

  /** Fails with UNSUPPORTED_VERSION when {@code version} is newer or older than this reader. */
  public static void checkVersion(int version, String what) {
    if (version < 1) {
      throw corrupt(what + " has invalid format version " + version);
    }
    if (version > FORMAT_VERSION) {
      throw unsupported(
          what,
          version,
          "; this Synthos reads at most version "
              + FORMAT_VERSION
              + ", upgrade Synthos to read it");
    }
    if (version < OLDEST_READABLE_VERSION) {
      throw unsupported(
          what,
          version,
          ", whose quantile sketches this Synthos no longer reads; profile the data again");
    }
  }

  private static SynthosException unsupported(String what, int version, String advice) {
    return new SynthosException(
        ErrorCode.UNSUPPORTED_VERSION,
        "this " + what + " was written in format version " + version + advice);
  }

  static SynthosException corrupt(String message) {
    return new SynthosException(ErrorCode.CORRUPT_FILE, message);
  }

  /** Writes the body (kind tag and payload) of {@code state}, without magic or version. */
  public static void write(DataOutput out, State state) throws IOException {
    out.writeByte(state.kind().tag());
    switch (state.kind()) {
      case COUNTS -> {
        CountsState s = (CountsState) state;
        out.writeLong(s.rows());
        out.writeLong(s.nulls());
        out.writeLong(s.invalid());
      }
      case MOMENTS -> writeMoments(out, (MomentsState) state);
      case QUANTILES -> writeBytes(out, ((QuantileState) state).image());
      case DISTINCT -> writeBytes(out, ((DistinctState) state).image());
      case FREQUENCIES -> {
        FrequencyState s = (FrequencyState) state;
        out.writeInt(s.cap());
        out.writeInt(s.lgMapSize());
        if (s.approximate()) {
          out.writeByte(1);
          writeBytes(out, s.sketchImage());
        } else {
          out.writeByte(0);
          out.writeInt(s.exactCounts().size());
          for (Map.Entry<String, Long> e : s.exactCounts().entrySet()) {
            writeString(out, e.getKey());
            out.writeLong(e.getValue());
          }
        }
      }
      case TEXT -> {
        TextState s = (TextState) state;
        writeMoments(out, s.lengths());
        writeMoments(out, s.tokens());
      }
      case DATETIME -> {
        DatetimeState s = (DatetimeState) state;
        out.writeLong(s.count());
        out.writeLong(s.minMicros());
        out.writeLong(s.maxMicros());
        out.writeByte(s.granularity().ordinal());
      }
      case CO_MOMENTS -> {
        CoMomentsState s = (CoMomentsState) state;
        out.writeLong(s.count());
        out.writeDouble(s.meanX());
        out.writeDouble(s.meanY());
        out.writeDouble(s.m2X());
        out.writeDouble(s.m2Y());
        out.writeDouble(s.cXY());
      }
      case CONTINGENCY -> {
        ContingencyState s = (ContingencyState) state;
        out.writeInt(s.categoryCap());
        out.writeLong(s.total());
        out.writeBoolean(s.overflowed());
        out.writeInt(s.cells().size());
        for (Map.Entry<ContingencyState.Cell, Long> e : s.cells().entrySet()) {
          writeString(out, e.getKey().left());
          writeString(out, e.getKey().right());
          out.writeLong(e.getValue());
        }
      }
      case CORRELATION_RATIO -> {
        CorrelationRatioState s = (CorrelationRatioState) state;
        out.writeInt(s.categoryCap());
        out.writeBoolean(s.overflowed());
        out.writeInt(s.groups().size());
        for (Map.Entry<String, GroupMoments> e : s.groups().entrySet()) {
          writeString(out, e.getKey());
          out.writeLong(e.getValue().count());
          out.writeDouble(e.getValue().mean());
          out.writeDouble(e.getValue().m2());
        }
      }
    }
  }

  /** Reads a body written by {@link #write}. */
  public static State read(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    StateKind kind =
        StateKind.fromTag(tag).orElseThrow(() -> corrupt("unknown state kind tag " + tag));
    return switch (kind) {
      case COUNTS -> new CountsState(in.readLong(), in.readLong(), in.readLong());
      case MOMENTS -> readMoments(in);
      case QUANTILES -> readQuantiles(in);
      case DISTINCT -> DistinctState.fromImage(readBytes(in));
      case FREQUENCIES -> readFrequencies(in);
      case TEXT -> new TextState(readMoments(in), readMoments(in));
      case DATETIME -> readDatetime(in);
      case CO_MOMENTS ->
          new CoMomentsState(
              in.readLong(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble());
      case CONTINGENCY -> readContingency(in);
      case CORRELATION_RATIO -> readCorrelationRatio(in);
    };
  }

  private static QuantileState readQuantiles(DataInput in) throws IOException {
    byte[] image = readBytes(in);
    try {
      return QuantileState.fromImage(image);
    } catch (IllegalArgumentException e) {
      throw corrupt("bad quantile sketch: " + e.getMessage());
    }
  }

  private static FrequencyState readFrequencies(DataInput in) throws IOException {
    int cap = in.readInt();
    int lg = in.readInt();
    int mode = in.readUnsignedByte();
    if (mode == 1) {
      return FrequencyState.fromSketchImage(readBytes(in), cap, lg);
    }
    int size = readCount(in);
    TreeMap<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      counts.put(readString(in), in.readLong());
    }
    return FrequencyState.ofCounts(counts, cap, lg);
  }

  private static DatetimeState readDatetime(DataInput in) throws IOException {
    long count = in.readLong();
    long min = in.readLong();
    long max = in.readLong();
    int g = in.readUnsignedByte();
    if (g >= Granularity.values().length) {
      throw corrupt("unknown datetime granularity " + g);
    }
    return new DatetimeState(count, min, max, Granularity.values()[g]);
  }

  private static ContingencyState readContingency(DataInput in) throws IOException {
    int cap = in.readInt();
    long total = in.readLong();
    boolean overflowed = in.readBoolean();
    int size = readCount(in);
    SortedMap<ContingencyState.Cell, Long> cells = new TreeMap<>(ContingencyState.CELL_ORDER);
    for (int i = 0; i < size; i++) {
      cells.put(new ContingencyState.Cell(readString(in), readString(in)), in.readLong());
    }
    if (overflowed) {
      return ContingencyState.overflow(total, cap);
    }
    return ContingencyState.of(cells, cap);
  }

  private static CorrelationRatioState readCorrelationRatio(DataInput in) throws IOException {
    int cap = in.readInt();
    boolean overflowed = in.readBoolean();
    int size = readCount(in);
    TreeMap<String, GroupMoments> groups = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      groups.put(readString(in), new GroupMoments(in.readLong(), in.readDouble(), in.readDouble()));
    }
    return overflowed ? CorrelationRatioState.overflow(cap) : CorrelationRatioState.of(groups, cap);
  }

  private static void writeMoments(DataOutput out, MomentsState s) throws IOException {
    out.writeLong(s.count());
    out.writeDouble(s.mean());
    out.writeDouble(s.m2());
    out.writeDouble(s.m3());
    out.writeDouble(s.m4());
    out.writeDouble(s.min());
    out.writeDouble(s.max());
    out.writeInt(s.scale());
    out.writeLong(s.nanCount());
    out.writeLong(s.positiveInfinityCount());
    out.writeLong(s.negativeInfinityCount());
  }

  private static MomentsState readMoments(DataInput in) throws IOException {
    return new MomentsState(
        in.readLong(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        in.readLong());
  }

  public static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeByte(0);
      return;
    }
    out.writeByte(1);
    writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String readString(DataInput in) throws IOException {
    int present = in.readUnsignedByte();
    if (present == 0) {
      return null;
    }
    if (present != 1) {
      throw corrupt("bad string marker " + present);
    }
    return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutput out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    byte[] b = new byte[readCount(in)];
    in.readFully(b);
    return b;
  }

  /** A non-negative length; a negative one means corrupt input. */
  public static int readCount(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw corrupt("negative length " + n + " in encoded state");
    }
    return n;
  }
}
