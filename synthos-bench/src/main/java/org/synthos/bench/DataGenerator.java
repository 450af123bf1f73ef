package org.synthos.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic mixed-type CSV of any size, deterministically from a seed.
 *
 * <p>Columns cycle through ten kinds: an integer age, a normal income correlated with age (r ≈
 * 0.6), a log-normal heavy-tailed amount, a Zipf category over 50 levels (the last levels are
 * rare), a boolean, a timestamp, a uniform score, an integer count (Poisson-like), a second
 * category with 4 levels that depends on the first, and a float with 5% nulls. Every other column
 * has about 1% nulls.
 */
public final class DataGenerator {
  private static final LocalDate EPOCH_DATE = LocalDate.of(2020, 1, 1);

  private DataGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DataGenerator OUT.csv ROWS [COLUMNS] [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[1]);
    int cols = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    writeCsv(Path.of(args[0]), rows, cols, seed);
  }

  /** Writes the file atomically (temp file, then move). */
  public static void writeCsv(Path out, long rows, int columns, long seed) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".gen-", ".csv");
    double[] zipfCdf = zipfCdf(50, 1.1);
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(256);
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append(',');
        }
        line.append(columnName(c));
      }
      w.write(line.append('\n').toString());
      SplittableRandom rnd = new SplittableRandom(seed);
      for (long r = 0; r < rows; r++) {
        line.setLength(0);
        double age = 18 + Math.abs(rnd.nextDouble() * 30 + gaussian(rnd) * 12);
        int category = sampleIndex(rnd, zipfCdf);
        for (int c = 0; c < columns; c++) {
          if (c > 0) {
            line.append(',');
          }
          int kind = c % 10;
          double nullRate = kind == 9 ? 0.05 : 0.01;
          if (kind != 0 && rnd.nextDouble() < nullRate) {
            continue;
          }
          switch (kind) {
            case 0 -> line.append((long) age);
            case 1 -> appendFixed(line, 20000 + 900 * age + gaussian(rnd) * 15000, 2);
            case 2 -> appendFixed(line, Math.exp(3 + 1.5 * gaussian(rnd)), 3);
            case 3 -> line.append("cat_").append(category);
            case 4 -> line.append(rnd.nextDouble() < 0.3 ? "true" : "false");
            case 5 -> appendTimestamp(line, rnd.nextLong(4L * 365 * 86400));
            case 6 -> appendFixed(line, rnd.nextDouble(), 6);
            case 7 -> line.append(poisson(rnd, 3.0 + category % 5));
            case 8 ->
                line.append(
                    category < 3
                        ? "high"
                        : category < 10 ? "mid" : rnd.nextBoolean() ? "low" : "none");
            default -> appendFixed(line, gaussian(rnd) * 2.5 + c, 4);
          }
        }
        w.write(line.append('\n').toString());
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The name of column {@code c}: the kind's name, suffixed with the cycle from the second cycle
   * on.
   */
  public static String columnName(int c) {
    String[] base = {
      "age",
      "income",
      "amount",
      "segment",
      "active",
      "created_at",
      "score",
      "visits",
      "tier",
      "signal"
    };
    String name = base[c % 10];
    return c < 10 ? name : name + "_" + (c / 10);
  }

  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /**
   * Appends {@code v} with a fixed number of decimals, as {@code String.format("%.nf")} would, but
   * without its cost (it dominated generation at 10M rows). The magnitude is rounded half-up, which
   * is what the formatter does; only a value within one ulp of a rounding tie could come out
   * differently, and such values are never drawn from the continuous distributions used here.
   */
  static void appendFixed(StringBuilder sb, double v, int decimals) {
    double scaled = Math.abs(v) * POW10[decimals];
    if (!(scaled < 1e15)) {
      sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
      return;
    }
    long units = (long) Math.floor(scaled + 0.5);
    if (Double.doubleToRawLongBits(v) < 0) {
      sb.append('-');
    }
    long whole = units / POW10[decimals];
    long fraction = units % POW10[decimals];
    sb.append(whole).append('.');
    for (long p = POW10[decimals] / 10; p > fraction && p > 1; p /= 10) {
      sb.append('0');
    }
    sb.append(fraction);
  }

  /**
   * Appends 2020-01-01T00:00 plus {@code seconds} as {@code yyyy-MM-ddTHH:mm:ss}, the ISO local
   * form.
   */
  static void appendTimestamp(StringBuilder sb, long seconds) {
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate date = EPOCH_DATE.plusDays(days);
    appendPadded(sb, date.getYear(), 4).append('-');
    appendPadded(sb, date.getMonthValue(), 2).append('-');
    appendPadded(sb, date.getDayOfMonth(), 2).append('T');
    appendPadded(sb, secondOfDay / 3600, 2).append(':');
    appendPadded(sb, secondOfDay / 60 % 60, 2).append(':');
    appendPadded(sb, secondOfDay % 60, 2);
  }

  private static StringBuilder appendPadded(StringBuilder sb, int value, int width) {
    int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
    for (int i = digits; i < width; i++) {
      sb.append('0');
    }
    return sb.append(value);
  }

  private static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static int poisson(SplittableRandom rnd, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  private static int sampleIndex(SplittableRandom rnd, double[] cdf) {
    double u = rnd.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
