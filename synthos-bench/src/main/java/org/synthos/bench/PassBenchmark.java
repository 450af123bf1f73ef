package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.io.DatasetFile;
import org.synthos.io.ReadOptions;

/**
 * The one pass of {@code validate} over one file (every column hashed, as when the reference has
 * the same columns), repeated in one JVM: the first repetition is what a fresh CLI process pays
 * (class loading, interpreted and profiled code, JIT compilation on the same cores), the later ones
 * the pass with compiled code. The gap between them is the JVM's warm-up share of a large run,
 * which no change to the pass's own work removes. Writes {@code bench-results/pass.{json,md}}.
 *
 * <pre>usage: PassBenchmark FILE [REPEATS=5] [THREADS=cores] [OUT_DIR=bench-results]</pre>
 */
public final class PassBenchmark {
  private PassBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ./bench pass FILE [REPEATS=5] [THREADS=cores] [OUT_DIR]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Path out = Path.of(args.length > 3 ? args[3] : "bench-results");
    DatasetFile data = DatasetFile.open(file, ReadOptions.defaults());
    DatasetSource source =
        new DatasetSource(
            data.path().toString(), data.schema(), data::batches, data.sha256(), data.sizeBytes());
    int[] hashed = new int[data.schema().size()];
    for (int c = 0; c < hashed.length; c++) {
      hashed[c] = c;
    }
    int maxRows = ValidationOptions.defaults().maxRows();
    ObjectNode root = BenchResults.header("pass", args);
    root.put("file", file.toString());
    root.put("threads", threads);
    ArrayNode runs = root.putArray("runs");
    StringBuilder md =
        new StringBuilder("| repetition | rows | seconds | rows/s |\n|---:|---:|---:|---:|\n");
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      FullPass pass = FullPass.read(source, hashed, maxRows, 42, threads);
      double seconds = (System.nanoTime() - start) / 1e9;
      long rows = pass.profile.rows();
      runs.addObject().put("repetition", r).put("rows", rows).put("seconds", seconds);
      String line =
          String.format(
              Locale.ROOT, "| %d | %d | %.3f | %.0f |%n", r, rows, seconds, rows / seconds);
      md.append(line);
      System.out.print(line);
    }
    BenchResults.write(out, "pass", root, md.toString());
  }
}
