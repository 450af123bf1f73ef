package org.synthos.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/** Entry point for reading datasets: detect a file's format, or open it as a stream of batches. */
public final class Datasets {
  private Datasets() {}

  /**
   * Opens a file for reading. The format is detected from the content (then the name) unless {@link
   * ReadOptions#format()} forces it; the schema is inferred from the first rows unless overridden.
   * The caller must close the reader.
   *
   * @throws SynthosException for a missing, unreadable, empty, malformed or unsupported file
   */
  public static DatasetReader open(Path file, ReadOptions options) {
    Probe probe = probe(file, options);
    if (probe.format().format() == DataFormat.PARQUET) {
      return ParquetDatasetReader.open(file, options, probe.size());
    }
    Location where = Location.ofFile(file.toString());
    RowSource source = null;
    try {
      CheckedTextReader text = new CheckedTextReader(probe.text(), where, options.maxLineLength());
      Compression compression = probe.format().compression();
      source =
          probe.format().format() == DataFormat.JSONL
              ? new JsonlRowSource(text, where, compression)
              : new CsvRowSource(
                  text,
                  probe.format().delimiter().orElse(','),
                  options.maxLineLength(),
                  where,
                  compression);
      PrefetchingRowSource prefetching =
          new PrefetchingRowSource(source, Math.min(options.batchSize(), 4096));
      source = prefetching;
      return new TextDatasetReader(prefetching, options, where, probe.counter(), probe.size());
    } catch (RuntimeException e) {
      if (source != null) {
        source.close();
      }
      closeQuietly(probe.text());
      throw e;
    }
  }

  /**
   * One pass over {@code reader} as an iterator of batches, which closes the reader when the pass
   * ends or a read fails. A caller that stops early still closes the reader itself.
   */
  public static Iterator<ColumnBatch> batches(DatasetReader reader) {
    return batches(reader, stats -> {});
  }

  /**
   * As {@link #batches(DatasetReader)}, calling {@code afterRead} with the reader's counters after
   * every read (the last call comes at the end of the file). An exception from {@code afterRead}
   * closes the reader and ends the pass, so it can stop a cancelled job.
   */
  public static Iterator<ColumnBatch> batches(DatasetReader reader, Consumer<ReadStats> afterRead) {
    return new ClosingBatchIterator(reader, afterRead);
  }

  /** Detects format and compression without reading more than the first 64 KiB. */
  public static DetectedFormat detect(Path file) {
    return detect(file, ReadOptions.defaults());
  }

  /**
   * What {@link #open} would read the file as: detection with the format and delimiter overrides of
   * {@code options} applied.
   */
  public static DetectedFormat detect(Path file, ReadOptions options) {
    Probe probe = probe(file, options);
    if (probe.text() != null) {
      closeQuietly(probe.text());
    }
    return probe.format();
  }

  /** What the first bytes say, plus the text stream positioned at its start (null for Parquet). */
  private record Probe(
      DetectedFormat format, InputStream text, CountingInputStream counter, long size) {}

  private static Probe probe(Path file, ReadOptions options) {
    long size = InputFiles.checkReadable(file);
    Location where = Location.ofFile(file.toString());
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    CountingInputStream counter = new CountingInputStream(InputFiles.openRaw(file));
    InputStream text = null;
    Compression compression = Compression.NONE;
    try {
      BufferedInputStream raw = new BufferedInputStream(counter, InputFiles.BUFFER);
      byte[] magic = new byte[4];
      int m = peek(raw, magic);
      Optional<DataFormat> forced = options.format();
      if (FormatDetector.isParquet(magic, m)) {
        FormatDetector.checkCompression(name, Compression.NONE, where);
        if (forced.isEmpty() || forced.get() == DataFormat.PARQUET) {
          raw.close();
          return new Probe(
              new DetectedFormat(DataFormat.PARQUET, Compression.NONE, Optional.empty()),
              null,
              counter,
              size);
        }
      }
      compression = FormatDetector.compressionFromMagic(magic, m);
      FormatDetector.checkCompression(name, compression, where);
      if (forced.isPresent() && forced.get() == DataFormat.PARQUET) {
        raw.close();
        if (compression != Compression.NONE) {
          throw new SynthosException(
              ErrorCode.UNSUPPORTED_FORMAT,
              "a Parquet file cannot be wrapped in whole-file compression",
              where);
        }
        return new Probe(
            new DetectedFormat(DataFormat.PARQUET, Compression.NONE, Optional.empty()),
            null,
            counter,
            size);
      }
      InputStream expanded = decompress(raw, compression, where);
      if (compression != Compression.NONE) {
        expanded = InputLimits.ratioGuard(expanded, counter::count, where);
      }
      text = new BufferedInputStream(expanded, InputFiles.BUFFER);
      byte[] head = new byte[FormatDetector.HEAD_BYTES];
      int n = peek(text, head);
      DetectedFormat detected =
          FormatDetector.sniffText(head, n, n == head.length, name, compression, where);
      DetectedFormat chosen = choose(detected, options, compression);
      return new Probe(chosen, text, counter, size);
    } catch (IOException e) {
      closeQuietly(text == null ? counter : text);
      throw InputFiles.readFailure(where, compression, e);
    } catch (RuntimeException e) {
      closeQuietly(text == null ? counter : text);
      throw e;
    }
  }

  /** Applies the format and delimiter overrides; an explicit choice wins over detection. */
  private static DetectedFormat choose(
      DetectedFormat detected, ReadOptions options, Compression compression) {
    DataFormat format = options.format().orElse(detected.format());
    if (format == DataFormat.JSONL) {
      return new DetectedFormat(format, compression, Optional.empty());
    }
    Optional<Character> delimiter = options.delimiter();
    if (delimiter.isEmpty()) {
      if (options.format().isEmpty()) {
        delimiter = detected.delimiter();
      } else if (format == DataFormat.TSV) {
        delimiter = Optional.of('\t');
      } else {
        delimiter = detected.format() == DataFormat.CSV ? detected.delimiter() : Optional.of(',');
      }
    }
    return new DetectedFormat(format, compression, delimiter);
  }

  private static InputStream decompress(InputStream raw, Compression compression, Location where)
      throws IOException {
    try {
      return InputFiles.decompress(raw, compression);
    } catch (IOException e) {
      throw InputFiles.readFailure(where, compression, e);
    }
  }

  /** Reads up to {@code buffer.length} bytes and rewinds, so the stream starts over. */
  private static int peek(InputStream in, byte[] buffer) throws IOException {
    in.mark(buffer.length + 1);
    int total = 0;
    while (total < buffer.length) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    in.reset();
    return total;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; nothing is lost.
    }
  }
}
