package org.synthos.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Digests of a file's bytes as stored (compressed files are hashed compressed): what reports and
 * certificates name a dataset by. The one place Synthos hashes a file.
 */
public final class FileDigests {
  private FileDigests() {}

  /**
   * Hex SHA-256 (64 lower-case digits) of the file's bytes, as {@code sha256sum} prints it.
   *
   * @throws SynthosException FILE_NOT_FOUND, NOT_A_FILE, PERMISSION_DENIED or IO_FAILURE naming the
   *     file
   */
  public static String sha256(Path file) {
    if (Files.isDirectory(file)) {
      throw new SynthosException(
          ErrorCode.NOT_A_FILE, "is a directory; give a file", Location.ofFile(file.toString()));
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "SHA-256 is not available", null, e);
    }
    try (InputStream in = InputFiles.openRaw(file)) {
      byte[] buf = new byte[InputFiles.BUFFER];
      for (int n; (n = in.read(buf)) >= 0; ) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw InputFiles.readFailure(Location.ofFile(file.toString()), Compression.NONE, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
