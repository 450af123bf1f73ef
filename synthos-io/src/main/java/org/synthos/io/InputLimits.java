package org.synthos.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Caps that keep a hostile or broken file from exhausting memory or time: columns per file, the
 * length of a JSON key and of one value, JSON nesting, and the decompression ratio. Each is a data
 * error ({@link ErrorCode#LIMIT_EXCEEDED}, exit code 2) naming what was exceeded, never an internal
 * one. The physical line length is {@link ReadOptions#maxLineLength()}.
 */
public final class InputLimits {
  /** Columns in one file (header fields, distinct JSON keys or Parquet leaf columns). */
  public static final int MAX_COLUMNS = 10_000;

  /** Characters in one JSON key (a column name). */
  public static final int MAX_KEY_CHARS = 1_024;

  /** Nesting of JSON objects and arrays. */
  public static final int MAX_NESTING = 64;

  /** Decompressed bytes per compressed byte, checked once the output passes 16 MiB. */
  public static final int MAX_DECOMPRESSION_RATIO = 200;

  private static final long RATIO_CHECK_AFTER = 16L << 20;

  private InputLimits() {}

  static SynthosException exceeded(String what, Location where) {
    return new SynthosException(ErrorCode.LIMIT_EXCEEDED, what, where);
  }

  static void checkColumns(int columns, Location where) {
    if (columns > MAX_COLUMNS) {
      throw exceeded(
          "the file has " + columns + " columns, over the limit of " + MAX_COLUMNS, where);
    }
  }

  /**
   * Wraps a decompressed stream so that a decompression bomb stops early.
   *
   * @param rawBytes how many compressed bytes have been read so far
   */
  static InputStream ratioGuard(InputStream decompressed, LongSupplier rawBytes, Location where) {
    return new FilterInputStream(decompressed) {
      private long out;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        out += n;
        if (out > RATIO_CHECK_AFTER
            && out > (double) MAX_DECOMPRESSION_RATIO * Math.max(1, rawBytes.getAsLong())) {
          throw exceeded(
              "the compressed stream expands more than "
                  + MAX_DECOMPRESSION_RATIO
                  + " times (a decompression bomb?)",
              where);
        }
      }
    };
  }

  /**
   * Refuses a Parquet column chunk whose footer places it outside the file, or whose pages claim to
   * expand past the decompression cap: the Parquet library allocates what the footer says before
   * reading a byte, so a forged footer could exhaust memory.
   */
  static void checkChunk(long start, long size, long expanded, long fileBytes, Location where) {
    if (start < 0 || size < 0 || start > fileBytes || size > fileBytes - start) {
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "the footer places a column chunk outside the file ("
              + size
              + " bytes at offset "
              + start
              + " of "
              + fileBytes
              + ")",
          where);
    }
    if (expanded < 0
        || (expanded > RATIO_CHECK_AFTER
            && expanded > (double) MAX_DECOMPRESSION_RATIO * Math.max(1, size))) {
      throw exceeded(
          "a column chunk of "
              + size
              + " bytes claims to expand to "
              + expanded
              + ", more than "
              + MAX_DECOMPRESSION_RATIO
              + " times",
          where);
    }
  }
}
