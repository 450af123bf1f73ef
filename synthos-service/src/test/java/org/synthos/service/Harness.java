package org.synthos.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Test helpers: configurations on free loopback ports and small generated datasets. */
final class Harness {
  private Harness() {}

  /** One in-memory data key for stores that tests open and reopen within this JVM. */
  static final DataCipher CIPHER = DataCipher.ephemeral();

  /** The job store of {@code config}, with the data key the service under that config uses. */
  static JobStore store(ServiceConfig config) {
    return new JobStore(config.store(), DataCipher.open(config.security()));
  }

  /**
   * A configuration under {@code dir} with free ports, rate limits no test reaches by accident, and
   * the given overrides on top.
   */
  static ServiceConfig config(Path dir, String... keyValues) {
    Map<String, String> o = new HashMap<>();
    o.put("data_dir", dir.toString());
    o.put("grpc.port", "0");
    o.put("http.port", "0");
    o.put("jobs.shutdown_grace_seconds", "2");
    // Tests call faster than a person; the limits are tested where a test sets them.
    o.put("rate.submit_per_second", "1000");
    o.put("rate.read_per_second", "1000");
    for (int i = 0; i < keyValues.length; i += 2) {
      o.put(keyValues[i], keyValues[i + 1]);
    }
    return ServiceConfig.load(java.util.Optional.empty(), Map.of(), o);
  }

  /** A CSV of {@code rows} rows: id, a seeded gaussian, a category and a constant column. */
  static Path csv(Path file, int rows, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    Random r = new Random(seed);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,x,colour,constant\n");
      for (int i = 0; i < rows; i++) {
        w.write(i + "," + r.nextGaussian() + "," + (i % 3 == 0 ? "red" : "blue") + ",k\n");
      }
    }
    return file;
  }
}
