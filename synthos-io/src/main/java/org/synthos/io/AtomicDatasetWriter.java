package org.synthos.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * The write-to-temporary-then-rename protocol shared by all writers. Subclasses write to {@link
 * #temp}; this class moves it onto the target on close, or deletes it after a failure or abort.
 */
abstract sealed class AtomicDatasetWriter implements DatasetWriter
    permits CsvDatasetWriter, JsonlDatasetWriter, ParquetDatasetWriter {
  final Path target;
  final Path temp;
  final Schema schema;
  private boolean failed;
  private boolean finished;

  AtomicDatasetWriter(Path target, Schema schema) {
    this.target = target.toAbsolutePath();
    this.schema = schema;
    Path dir = this.target.getParent();
    String name = this.target.getFileName().toString();
    try {
      if (Files.isDirectory(this.target)) {
        throw new SynthosException(
            ErrorCode.NOT_A_FILE, "is a directory", Location.ofFile(target.toString()));
      }
      this.temp = createTemp(dir, name);
    } catch (IOException e) {
      throw failure("cannot create a file next to the target", e);
    }
  }

  @Override
  public final void write(ColumnBatch batch) {
    if (finished) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "the writer is already closed");
    }
    if (!batch.schema().equals(schema)) {
      failed = true;
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "batch schema " + batch.schema().names() + " differs from the writer's " + schema.names(),
          Location.ofFile(target.toString()));
    }
    try {
      writeRows(batch);
    } catch (IOException e) {
      failed = true;
      throw failure("write failed", e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public final void abort() {
    failed = true;
    close();
  }

  @Override
  public final void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      closeOutput();
    } catch (IOException | RuntimeException e) {
      deleteTemp();
      if (failed) {
        return;
      }
      throw e instanceof SynthosException s ? s : failure("cannot finish the file", e);
    }
    if (failed) {
      deleteTemp();
      return;
    }
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteTemp();
      throw failure("cannot move the finished file into place", e);
    }
  }

  /**
   * A new hidden file next to the target. Unlike {@code Files.createTempFile} (mode 0600), it gets
   * the default permissions, so the committed file is as readable as any other the user writes.
   */
  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate =
          dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + attempt + ".part");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  abstract void writeRows(ColumnBatch batch) throws IOException;

  /** Flushes and closes the temporary file. */
  abstract void closeOutput() throws IOException;

  private void deleteTemp() {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // A stray hidden .part file is all that remains; the target is untouched.
    }
  }

  final SynthosException failure(String what, Exception e) {
    ErrorCode code =
        e instanceof java.nio.file.AccessDeniedException
            ? ErrorCode.PERMISSION_DENIED
            : ErrorCode.IO_FAILURE;
    return new SynthosException(
        code, what + ": " + InputFiles.oneLine(e), Location.ofFile(target.toString()), e);
  }
}
