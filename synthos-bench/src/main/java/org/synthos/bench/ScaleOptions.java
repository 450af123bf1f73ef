package org.synthos.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale benchmark's command line.
 *
 * @param sizes row counts of the generated datasets, smallest first
 * @param columns columns of the generated datasets
 * @param formats {@code csv} and/or {@code parquet}
 * @param modes what the CLI is asked to do per dataset
 * @param xmx the child JVM's {@code -Xmx}
 * @param repeats runs per measurement up to 1M rows (the median is kept)
 * @param largeRepeats runs per measurement above 1M rows
 * @param jar the synthos CLI jar
 * @param launcher the {@code ./synthos} launcher that runs the jar with the JVM options it picks
 *     for the run (as a user runs it), or null to run {@code java -jar} directly
 * @param out where scale.json, scale.md, the charts and the generated data go
 * @param charts an extra directory that receives copies of the charts (e.g. docs/img), or null
 * @param duckdb whether DuckDB SUMMARIZE is measured beside each run
 * @param real real datasets to include when present (e.g. data/derived/flights-3m.parquet)
 * @param jvmOptions extra options for the child JVM
 * @param jfrRows record a JFR profile of the runs of this many rows; 0 for none
 */
record ScaleOptions(
    List<Long> sizes,
    int columns,
    List<String> formats,
    List<Mode> modes,
    String xmx,
    int repeats,
    int largeRepeats,
    Path jar,
    Path launcher,
    Path out,
    Path charts,
    boolean duckdb,
    List<Path> real,
    List<String> jvmOptions,
    long jfrRows) {

  static final List<Long> DEFAULT_SIZES =
      List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
  static final long LARGE = 1_000_000;

  static final String USAGE =
      String.join(
          "\n",
          "usage: ./bench scale [OPTIONS]",
          "  --sizes N,N,...     rows per generated dataset (default 1000,10000,100000,1000000,10000000)",
          "  --with-100m         also 100,000,000 rows (about 15 GB of CSV)",
          "  --columns N         columns per generated dataset (default 20)",
          "  --formats F,F       csv and/or parquet (default csv,parquet)",
          "  --modes M,M         profile, validate, validate-ref (default all three)",
          "  --xmx SIZE          -Xmx of the synthos JVM (default 1g)",
          "  --repeats N         runs per measurement up to 1M rows; the median is kept (default 3)",
          "  --large-repeats N   runs per measurement above 1M rows (default 1)",
          "  --jar PATH          synthos CLI jar (default synthos-cli/target/synthos.jar)",
          "  --launcher PATH     run the jar through this launcher, with the JVM options it picks",
          "                      (default ./synthos; -Xmx and the options below go in JAVA_OPTS)",
          "  --direct            run 'java -Xmx... -jar JAR' instead of the launcher",
          "  --out DIR           results, charts and generated data (default bench-results)",
          "  --charts DIR        also copy the charts there (e.g. docs/img)",
          "  --no-duckdb         skip DuckDB SUMMARIZE",
          "  --real PATH         a real dataset to include when present (repeatable;",
          "                      default data/derived/flights-3m.parquet)",
          "  --jvm-opt OPT       an extra option for the synthos JVM (repeatable)",
          "  --jfr ROWS          record a JFR profile of the runs of ROWS rows and list hot methods");

  /** What the CLI does with a dataset. */
  enum Mode {
    PROFILE("profile"),
    VALIDATE("validate"),
    VALIDATE_REF("validate-ref");

    final String label;

    Mode(String label) {
      this.label = label;
    }

    static Mode of(String label) {
      for (Mode m : values()) {
        if (m.label.equals(label)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "unknown mode '" + label + "' (profile, validate, validate-ref)");
    }

    boolean validates() {
      return this != PROFILE;
    }
  }

  static ScaleOptions parse(String[] args) {
    List<Long> sizes = new ArrayList<>(DEFAULT_SIZES);
    int columns = 20;
    List<String> formats = List.of("csv", "parquet");
    List<Mode> modes = List.of(Mode.values());
    String xmx = "1g";
    int repeats = 3;
    int largeRepeats = 1;
    Path jar = Path.of("synthos-cli/target/synthos.jar");
    Path launcher = Path.of("synthos");
    Path out = Path.of("bench-results");
    Path charts = null;
    boolean duckdb = true;
    List<Path> real = new ArrayList<>();
    List<String> jvm = new ArrayList<>();
    long jfr = 0;
    boolean with100m = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--sizes" -> {
          sizes = new ArrayList<>();
          for (String s : Args.value(args, ++i, a).split(",")) {
            sizes.add(Args.positiveLong(s, a));
          }
        }
        case "--with-100m" -> with100m = true;
        case "--columns" -> columns = (int) Args.positiveLong(Args.value(args, ++i, a), a);
        case "--formats" -> {
          formats = List.of(Args.value(args, ++i, a).toLowerCase(Locale.ROOT).split(","));
          for (String f : formats) {
            if (!f.equals("csv") && !f.equals("parquet")) {
              throw new IllegalArgumentException("unknown format '" + f + "' (csv, parquet)");
            }
          }
        }
        case "--modes" -> {
          modes = new ArrayList<>();
          for (String m : Args.value(args, ++i, a).split(",")) {
            modes.add(Mode.of(m.trim()));
          }
        }
        case "--xmx" -> xmx = Args.value(args, ++i, a);
        case "--repeats" -> repeats = (int) Args.positiveLong(Args.value(args, ++i, a), a);
        case "--large-repeats" ->
            largeRepeats = (int) Args.positiveLong(Args.value(args, ++i, a), a);
        case "--jar" -> jar = Path.of(Args.value(args, ++i, a));
        case "--launcher" -> launcher = Path.of(Args.value(args, ++i, a));
        case "--direct" -> launcher = null;
        case "--out" -> out = Path.of(Args.value(args, ++i, a));
        case "--charts" -> charts = Path.of(Args.value(args, ++i, a));
        case "--no-duckdb" -> duckdb = false;
        case "--real" -> real.add(Path.of(Args.value(args, ++i, a)));
        case "--jvm-opt" -> jvm.add(Args.value(args, ++i, a));
        case "--jfr" -> jfr = Args.positiveLong(Args.value(args, ++i, a), a);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (with100m && !sizes.contains(100_000_000L)) {
      sizes.add(100_000_000L);
    }
    sizes.sort(null);
    if (real.isEmpty()) {
      real.add(Path.of("data/derived/flights-3m.parquet"));
    }
    return new ScaleOptions(
        List.copyOf(sizes),
        columns,
        formats,
        List.copyOf(modes),
        xmx,
        repeats,
        largeRepeats,
        jar,
        launcher,
        out,
        charts,
        duckdb,
        List.copyOf(real),
        List.copyOf(jvm),
        jfr);
  }

  int repeatsFor(long rows) {
    return rows > LARGE ? largeRepeats : repeats;
  }
}
