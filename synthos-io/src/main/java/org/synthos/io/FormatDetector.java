package org.synthos.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Content-first format detection. Magic bytes decide Parquet ({@code PAR1}), gzip ({@code 1f 8b})
 * and zstd ({@code 28 b5 2f fd}). Decompressed text starting with {@code {} is JSON Lines;
 * otherwise the delimiter among {@code , ; TAB |} that splits the first lines (outside quotes) into
 * the same, largest number of fields wins. Only when the content cannot tell (a single column) does
 * the extension decide. A name ending in {@code .gz} or {@code .zst} over content that is not
 * compressed that way is {@link ErrorCode#COMPRESSION_MISMATCH}.
 */
final class FormatDetector {
  static final int HEAD_BYTES = 1 << 16;
  private static final char[] DELIMITERS = {',', '\t', ';', '|'};
  private static final int SNIFF_LINES = 50;

  private FormatDetector() {}

  static boolean isParquet(byte[] head, int n) {
    return n >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
  }

  static Compression compressionFromMagic(byte[] head, int n) {
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Compression.GZIP;
    }
    if (n >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }

  /** The compression the file name claims, NONE when it claims none. */
  static Compression compressionFromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz") || lower.endsWith(".gzip")) {
      return Compression.GZIP;
    }
    if (lower.endsWith(".zst") || lower.endsWith(".zstd")) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }

  /** Fails when the name claims a compression the content does not have. */
  static void checkCompression(String name, Compression actual, Location where) {
    Compression claimed = compressionFromName(name);
    if (claimed != Compression.NONE && claimed != actual) {
      throw new SynthosException(
          ErrorCode.COMPRESSION_MISMATCH,
          "the name says "
              + label(claimed)
              + " but the content is "
              + (actual == Compression.NONE ? "not compressed" : label(actual)),
          where);
    }
  }

  /** The format the extension names, ignoring a compression suffix. */
  static Optional<DataFormat> formatFromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".gzip", ".zst", ".zstd"}) {
      if (lower.endsWith(suffix)) {
        lower = lower.substring(0, lower.length() - suffix.length());
      }
    }
    int dot = lower.lastIndexOf('.');
    String ext = dot < 0 ? "" : lower.substring(dot + 1);
    return switch (ext) {
      case "csv", "txt" -> Optional.of(DataFormat.CSV);
      case "tsv", "tab" -> Optional.of(DataFormat.TSV);
      case "jsonl", "ndjson", "json" -> Optional.of(DataFormat.JSONL);
      case "parquet", "pq" -> Optional.of(DataFormat.PARQUET);
      default -> Optional.empty();
    };
  }

  /**
   * Detects the text format from the first (decompressed) bytes.
   *
   * @param truncated whether {@code head} stops before the end of the content (its last line may be
   *     partial)
   */
  static DetectedFormat sniffText(
      byte[] head, int n, boolean truncated, String name, Compression compression, Location where) {
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "zip archives (and Excel workbooks) are not supported; export as CSV or Parquet",
          where);
    }
    if (n >= 2
        && (((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)
            || ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff))) {
      throw new SynthosException(
          ErrorCode.INVALID_ENCODING, "the text is UTF-16; save the file as UTF-8", where);
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new SynthosException(
            ErrorCode.UNSUPPORTED_FORMAT,
            "binary content that is neither Parquet, gzip nor zstd; supported formats are CSV, TSV,"
                + " JSON Lines and Parquet",
            where);
      }
    }
    String text = new String(head, 0, n, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String stripped = text.stripLeading();
    if (stripped.isEmpty()) {
      throw new SynthosException(ErrorCode.EMPTY_FILE, "the file has no content", where);
    }
    if (stripped.charAt(0) == '{') {
      return new DetectedFormat(DataFormat.JSONL, compression, Optional.empty());
    }
    if (stripped.charAt(0) == '[') {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "a JSON array is not supported; write one JSON object per line (JSON Lines)",
          where);
    }
    Optional<Character> sniffed = sniffDelimiter(text, truncated);
    Optional<DataFormat> byName = formatFromName(name);
    char delimiter = sniffed.orElse(byName.orElse(DataFormat.CSV) == DataFormat.TSV ? '\t' : ',');
    if (sniffed.isEmpty() && byName.isPresent() && byName.get() == DataFormat.JSONL) {
      return new DetectedFormat(DataFormat.JSONL, compression, Optional.empty());
    }
    DataFormat format = delimiter == '\t' ? DataFormat.TSV : DataFormat.CSV;
    return new DetectedFormat(format, compression, Optional.of(delimiter));
  }

  /** The delimiter giving the same, largest field count on every complete sniffed record. */
  static Optional<Character> sniffDelimiter(String text, boolean truncated) {
    int[][] counts = new int[DELIMITERS.length][SNIFF_LINES];
    int records = 0;
    boolean inQuotes = false;
    int[] current = new int[DELIMITERS.length];
    boolean recordHasContent = false;
    int end = text.length();
    for (int i = 0; i < end && records < SNIFF_LINES; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
        recordHasContent = true;
      } else if (!inQuotes && (c == '\n' || c == '\r')) {
        if (recordHasContent) {
          for (int d = 0; d < DELIMITERS.length; d++) {
            counts[d][records] = current[d];
            current[d] = 0;
          }
          records++;
        }
        recordHasContent = false;
      } else {
        recordHasContent = true;
        if (!inQuotes) {
          for (int d = 0; d < DELIMITERS.length; d++) {
            if (c == DELIMITERS[d]) {
              current[d]++;
            }
          }
        }
      }
    }
    if (!truncated && recordHasContent && records < SNIFF_LINES) {
      for (int d = 0; d < DELIMITERS.length; d++) {
        counts[d][records] = current[d];
      }
      records++;
    }
    int best = -1;
    int bestCount = 0;
    for (int d = 0; d < DELIMITERS.length; d++) {
      if (records == 0) {
        break;
      }
      int first = counts[d][0];
      boolean consistent = first > 0;
      for (int r = 1; r < records && consistent; r++) {
        consistent = counts[d][r] == first;
      }
      if (consistent && first > bestCount) {
        best = d;
        bestCount = first;
      }
    }
    if (best < 0) {
      // No delimiter splits every line alike (ragged data): take the one the header uses most.
      for (int d = 0; d < DELIMITERS.length; d++) {
        if (records > 0 && counts[d][0] > bestCount) {
          best = d;
          bestCount = counts[d][0];
        }
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(DELIMITERS[best]);
  }

  private static String label(Compression c) {
    return c == Compression.GZIP ? "gzip" : c == Compression.ZSTD ? "zstd" : "uncompressed";
  }
}
