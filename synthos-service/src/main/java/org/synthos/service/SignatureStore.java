package org.synthos.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.synthos.api.SynthosException;
import org.synthos.core.signature.Signature;
import org.synthos.core.signature.SignatureCodec;

/**
 * The signature library's durable half: one row per finished validation in {@code
 * synthos_signatures}, beside the jobs and on the same connection. The signature document is sealed
 * with the job store's cipher, bound to its job ({@code JOB:signature}), like the job's report.
 */
final class SignatureStore {
  private static final Logger LOG = Logger.getLogger(SignatureStore.class.getName());
  private final JobStore store;
  private final DataCipher cipher;

  /** A stored signature with its job and owner. */
  record Stored(String jobId, String owner, Signature signature) {}

  SignatureStore(JobStore store, DataCipher cipher) {
    this.store = store;
    this.cipher = cipher;
  }

  /** Stores the signature of job {@code jobId}, replacing one an earlier attempt stored. */
  void put(String jobId, String owner, Signature signature, long now) {
    String sealed = cipher.seal(SignatureCodec.encode(signature), jobId + ":signature");
    store.sql(
        "store signature",
        c -> {
          try (PreparedStatement del =
                  c.prepareStatement("DELETE FROM synthos_signatures WHERE job_id=?");
              PreparedStatement ins =
                  c.prepareStatement(
                      "INSERT INTO synthos_signatures (job_id, owner, created_at, signature)"
                          + " VALUES (?,?,?,?)")) {
            del.setString(1, jobId);
            del.executeUpdate();
            ins.setString(1, jobId);
            ins.setString(2, owner);
            ins.setLong(3, now);
            ins.setString(4, sealed);
            return ins.executeUpdate();
          }
        });
  }

  /**
   * Every stored signature that can be read, oldest first. One that cannot (sealed under a key no
   * longer in the keyset, or of a newer format) is left out with a warning naming its job, so that
   * the service still starts; {@code skipped} receives each such job id.
   */
  List<Stored> all(java.util.function.Consumer<String> skipped) {
    List<String[]> rows =
        store.sql(
            "read signatures",
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT job_id, owner, signature FROM synthos_signatures"
                              + " ORDER BY created_at, job_id");
                  ResultSet rs = ps.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                  out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
                return out;
              }
            });
    List<Stored> out = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      try {
        String json = cipher.open(r[2], r[0] + ":signature");
        out.add(new Stored(r[0], r[1], SignatureCodec.decode(json)));
      } catch (SynthosException e) {
        LOG.warning("signature of job " + r[0] + " left out of the library: " + e.getMessage());
        skipped.accept(r[0]);
      }
    }
    return out;
  }
}
