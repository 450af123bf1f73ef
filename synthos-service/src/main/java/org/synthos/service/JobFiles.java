package org.synthos.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A job's stable dataset id, the scratch directory its inputs are fetched into and the storage key
 * of its typed report.
 */
final class JobFiles {
  private static final Logger LOG = Logger.getLogger(JobFiles.class.getName());

  private JobFiles() {}

  /** A stable dataset id: ds_ and the first 12 hex digits of SHA-256 of the URI. */
  static String datasetId(String uri) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
      return "ds_" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Where the typed report of a job is stored, sealed like the JSON and HTML reports. */
  static String typedReportKey(String id) {
    return "reports/" + id + ".pb";
  }

  /** Deletes a job's scratch directory, logging (not failing) when a file cannot be removed. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warning("could not delete temporary files under " + dir + ": " + e.getMessage());
    }
  }
}
