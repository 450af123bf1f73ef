package org.synthos.core.signature;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * A local signature library: the file {@value #FILE_NAME} in a directory, one {@link
 * SignatureCodec} line per signature, appended under an exclusive file lock so that concurrent
 * writers never interleave lines. A missing directory or file is an empty library.
 */
public final class SignatureFile {
  /** The library's file name inside its directory. */
  public static final String FILE_NAME = "signatures.jsonl";

  private SignatureFile() {}

  /** The library file of {@code directory}. */
  public static Path file(Path directory) {
    return directory.resolve(FILE_NAME);
  }

  /**
   * Every signature of the library, in file order; blank lines are skipped.
   *
   * @throws SynthosException MALFORMED_RECORD or UNSUPPORTED_VERSION naming the line, IO_FAILURE
   */
  public static List<Signature> read(Path directory) {
    Path file = file(directory);
    List<Signature> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(SignatureCodec.decode(line));
        } catch (SynthosException e) {
          throw new SynthosException(
              e.code(), e.getMessage(), Location.ofFile(file.toString()).withLine(number));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw failure("read", file, e);
    }
    return out;
  }

  /** An index over the library's signatures, all in one (empty) scope. */
  public static SignatureIndex load(Path directory) {
    return index(read(directory));
  }

  /** An index over {@code signatures}, all in one (empty) scope. */
  public static SignatureIndex index(List<Signature> signatures) {
    SignatureIndex index = new SignatureIndex();
    signatures.forEach(s -> index.add(s, ""));
    return index;
  }

  /** Appends one signature, creating the directory and the file when needed. */
  public static void append(Path directory, Signature signature) {
    appendAll(directory, List.of(signature));
  }

  /** Appends signatures in order, under one lock. */
  @SuppressWarnings("try") // the lock is held, not used, inside the block
  public static void appendAll(Path directory, List<Signature> signatures) {
    Path file = file(directory);
    StringBuilder text = new StringBuilder();
    signatures.forEach(s -> text.append(SignatureCodec.encode(s)).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Files.createDirectories(directory);
      try (FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      throw failure("write", file, e);
    }
  }

  private static SynthosException failure(String what, Path file, IOException e) {
    return new SynthosException(
        ErrorCode.IO_FAILURE,
        "cannot " + what + " the signature library: " + e.getMessage(),
        Location.ofFile(file.toString()),
        e);
  }
}
