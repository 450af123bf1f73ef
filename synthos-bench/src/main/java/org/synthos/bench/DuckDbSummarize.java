package org.synthos.bench;

import java.nio.file.Path;
import java.util.Locale;

/**
 * DuckDB's {@code SUMMARIZE} of one or more files, in a JVM of its own, so that the scale benchmark
 * measures its wall time, CPU and peak RSS the same way as a Synthos run. Prints one line, {@code
 * summarize_seconds=S connect_seconds=C version=V}: S covers the queries only (from the first
 * statement to the last row fetched), C the connection (loading the native library).
 *
 * <pre>usage: DuckDbSummarize THREADS FILE [FILE...]</pre>
 */
public final class DuckDbSummarize {
  private DuckDbSummarize() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: DuckDbSummarize THREADS FILE [FILE...]");
      System.exit(2);
    }
    int threads = Integer.parseInt(args[0]);
    long t0 = System.nanoTime();
    try (DuckDbPeer duck = new DuckDbPeer(threads)) {
      String version = duck.version();
      long t1 = System.nanoTime();
      for (int i = 1; i < args.length; i++) {
        duck.summarize(Path.of(args[i]));
      }
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "summarize_seconds=%.6f connect_seconds=%.6f version=%s%n",
          (t2 - t1) / 1e9,
          (t1 - t0) / 1e9,
          version);
    }
  }
}
