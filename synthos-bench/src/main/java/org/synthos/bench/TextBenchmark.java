package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text measures at corpus scale: for each size, a candidate and a reference of that many JSON Lines
 * documents ({@code subject}, {@code body}: two text columns, and a {@code label}) derived from the
 * SpamAssassin mail corpus by {@code tools/data/prepare.sh text DOCS SEED}, candidate and reference
 * from disjoint halves of the mails, then validated in process as the library runs it (default
 * options: at most 200,000 rows held per file, a seeded uniform sample of larger files; every row
 * of both files streamed for the profile, exact duplicates and reference copies). Records the wall
 * time, the engine's stage times, the peak heap over all heap pools (collected garbage included, so
 * an upper bound of what the heap had to hold; the JVM's {@code -Xmx} is the bound it ran under)
 * and the decision.
 *
 * <p>{@code ./bench text [--docs 100000,1000000] [--seed S] [--out DIR]}; writes {@code
 * DIR/text.json} and {@code text.md}.
 */
public final class TextBenchmark {
  static final String USAGE = "usage: ./bench text [--docs N,M] [--seed S] [--out DIR]";

  private TextBenchmark() {}

  record Run(
      long docs,
      long candidateBytes,
      long referenceBytes,
      double wallSeconds,
      long peakHeapBytes,
      String decision,
      Map<String, Long> stageMillis) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    List<Long> sizes = new ArrayList<>(List.of(100_000L, 1_000_000L));
    long seed = 1;
    Path out = Path.of("bench-results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs" -> {
          sizes.clear();
          for (String s : args[++i].split(",")) {
            sizes.add(Long.parseLong(s.trim()));
          }
        }
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.out.println(USAGE);
          System.exit(args[i].equals("--help") ? 0 : 2);
        }
      }
    }
    List<Run> runs = new ArrayList<>();
    for (long docs : sizes) {
      Path cand = corpus(docs, seed, "candidate");
      Path ref = corpus(docs, seed, "reference");
      System.gc();
      BenchResults.resetPeakHeap();
      long start = System.nanoTime();
      PairValidation.Run r = PairValidation.validate(cand, ref, null);
      double wall = (System.nanoTime() - start) / 1e9;
      Run run =
          new Run(
              docs,
              Files.size(cand),
              Files.size(ref),
              wall,
              BenchResults.peakHeapBytes(),
              r.decision(),
              r.stageMillis());
      System.err.printf(
          Locale.ROOT,
          "%,d documents: %.1f s, peak heap %,d MiB, %s%n",
          docs,
          wall,
          run.peakHeapBytes() >> 20,
          run.decision());
      runs.add(run);
    }
    ObjectNode json = BenchResults.header("text", args);
    ArrayNode rows = json.putArray("runs");
    StringBuilder md = new StringBuilder();
    md.append(
        "| documents per file | bytes (cand + ref) | wall s | peak heap MiB | decision | stages ms |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Run r : runs) {
      rows.add(BenchResults.MAPPER.valueToTree(r));
      md.append(
          String.format(
              Locale.ROOT,
              "| %,d | %,d | %.1f | %,d | %s | %s |%n",
              r.docs(),
              r.candidateBytes() + r.referenceBytes(),
              r.wallSeconds(),
              r.peakHeapBytes() >> 20,
              r.decision(),
              r.stageMillis()));
    }
    BenchResults.write(out, "text", json, md.toString());
    System.out.print(md);
  }

  /** The corpus file, derived by the project's script when it is not there yet. */
  private static Path corpus(long docs, long seed, String side)
      throws IOException, InterruptedException {
    Path file = Path.of("data/derived/text", "text-" + docs + "-" + side + ".jsonl");
    if (!Files.exists(file)) {
      Process p =
          new ProcessBuilder(
                  "tools/data/prepare.sh", "text", Long.toString(docs), Long.toString(seed))
              .inheritIO()
              .start();
      if (p.waitFor() != 0 || !Files.exists(file)) {
        throw new IOException("tools/data/prepare.sh text " + docs + " failed");
      }
    }
    return file;
  }
}
