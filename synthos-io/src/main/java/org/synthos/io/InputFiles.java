package org.synthos.io;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/** Opening files, and turning I/O failures into located {@link SynthosException}s. */
final class InputFiles {
  static final int BUFFER = 1 << 16;

  private InputFiles() {}

  /** The checks a user needs a clear message for, before any byte is read. */
  static long checkReadable(Path file) {
    Location where = Location.ofFile(file.toString());
    if (Files.isDirectory(file)) {
      throw new SynthosException(ErrorCode.NOT_A_FILE, "is a directory; give a data file", where);
    }
    if (!Files.exists(file)) {
      throw new SynthosException(ErrorCode.FILE_NOT_FOUND, "no such file", where);
    }
    if (!Files.isRegularFile(file)) {
      throw new SynthosException(ErrorCode.NOT_A_FILE, "is not a regular file", where);
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw openFailure(file, e);
    }
    if (size == 0) {
      throw new SynthosException(ErrorCode.EMPTY_FILE, "the file is empty", where);
    }
    return size;
  }

  /** Opens the raw bytes of a checked file. */
  static InputStream openRaw(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw openFailure(file, e);
    }
  }

  /** Maps an exception from opening or stat-ing a file to the error a user can act on. */
  static SynthosException openFailure(Path file, IOException e) {
    Location where = Location.ofFile(file.toString());
    if (e instanceof AccessDeniedException) {
      return new SynthosException(
          ErrorCode.PERMISSION_DENIED,
          "permission denied; check the file's access rights",
          where,
          e);
    }
    if (e instanceof NoSuchFileException) {
      return new SynthosException(ErrorCode.FILE_NOT_FOUND, "no such file", where, e);
    }
    return new SynthosException(
        ErrorCode.IO_FAILURE, "cannot open the file: " + oneLine(e), where, e);
  }

  /**
   * Maps a failure while reading the data to a located error. Under gzip or zstd a failing read is
   * a damaged or truncated stream (the decompressors report those as plain I/O errors).
   */
  static SynthosException readFailure(Location where, Compression compression, IOException e) {
    if (compression != Compression.NONE || e instanceof ZipException) {
      return new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "the "
              + compression.name().toLowerCase(java.util.Locale.ROOT)
              + " stream is corrupt or truncated: "
              + oneLine(e),
          where,
          e);
    }
    return new SynthosException(ErrorCode.IO_FAILURE, "read failed: " + oneLine(e), where, e);
  }

  /** Wraps the raw bytes in the decompressor for {@code compression}. */
  static InputStream decompress(InputStream raw, Compression compression) throws IOException {
    return switch (compression) {
      case NONE -> raw;
      case GZIP -> new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
      case ZSTD -> new BufferedInputStream(new ZstdInputStreamNoFinalizer(raw), BUFFER);
    };
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ');
  }
}
