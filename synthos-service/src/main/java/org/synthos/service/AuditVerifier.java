package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Checks audit files written by {@link AuditTrail}, given oldest first: every line's own hash over
 * its text, its {@code prev} against the line before (across files), and sequence numbers that rise
 * by one. The chain must begin at its first entry (sequence 0 after the all-zero hash) or at a
 * {@code rotated} entry, so a line removed from the start is caught too.
 */
final class AuditVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEALED = Pattern.compile("^(\\{.*),\"hash\":\"([0-9a-f]{64})\"}$");

  private AuditVerifier() {}

  /**
   * The outcome.
   *
   * @param entries how many entries were checked before the end or the first break
   * @param message what was checked, or which entry is broken and how
   */
  record Result(boolean intact, long entries, String message) {}

  static Result verify(List<Path> files) {
    String prev = null;
    long expectedSeq = 0;
    long checked = 0;
    for (Path file : files) {
      long lineNo = 0;
      // A reader that replaces malformed bytes, so that a changed byte shows as a hash mismatch.
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lineNo++;
          String where = file + " line " + lineNo + " (entry " + (checked + 1) + ")";
          Matcher m = SEALED.matcher(line);
          if (!m.matches()) {
            return broken(checked, where, "is not a sealed audit entry");
          }
          String body = m.group(1) + "}";
          if (!sha256(body).equals(m.group(2))) {
            return broken(checked, where, "was changed: its hash does not match its text");
          }
          JsonNode n;
          try {
            n = JSON.readTree(body);
          } catch (IOException e) {
            return broken(checked, where, "is not JSON");
          }
          long seq = n.path("seq").asLong(-1);
          String p = n.path("prev").asText("");
          if (prev == null) {
            boolean start = seq == 0 && AuditTrail.GENESIS.equals(p);
            if (!start && !AuditTrail.ROTATED.equals(n.path("action").asText())) {
              return broken(
                  checked, where, "does not start a chain: entries before it are missing");
            }
          } else if (!prev.equals(p)) {
            return broken(checked, where, "does not follow the entry before it (removed or moved)");
          } else if (seq != expectedSeq) {
            return broken(checked, where, "has sequence " + seq + ", expected " + expectedSeq);
          }
          prev = m.group(2);
          expectedSeq = seq + 1;
          checked++;
        }
      } catch (IOException e) {
        throw new SynthosException(
            ErrorCode.FILE_NOT_FOUND,
            "cannot read the audit file: " + e.getMessage(),
            Location.ofFile(file.toString()),
            e);
      }
    }
    if (checked == 0) {
      return new Result(false, 0, "no audit entries found");
    }
    return new Result(true, checked, checked + " entries, chain intact, last hash " + prev);
  }

  private static Result broken(long checked, String where, String why) {
    return new Result(false, checked, where + " " + why);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
