package org.synthos.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs benchmark's command line.
 *
 * @param repeats timed runs per pair and way of running; medians are kept
 * @param warmup untimed in-process rounds over all pairs before the timed ones
 * @param datasets the derived datasets to split (empty for all that exist)
 * @param defects calibration families injected at their moderate severity into extra candidates
 * @param size rows per half (a dataset with fewer than twice as many gets halves of its rows)
 * @param seed seeds the subsample, the split and the defects
 * @param learnBudget the validations' {@code --learn-budget} (e.g. {@code 0} for the engine without
 *     the proxy-model cascade), or null for the default
 * @param cli whether fresh {@code synthos validate} processes are timed too
 * @param cds whether a run with the launcher's class-data archive is among them
 * @param launcher whether a run through the launcher script is among them
 * @param variants extra ways of running: a name and the JVM options of {@code java OPTS -jar}
 * @param jar the synthos CLI jar
 * @param launcherScript the {@code synthos} launcher script
 * @param out where pairs.json, pairs.md, the pairs and the runs go
 */
record PairsOptions(
    int repeats,
    int warmup,
    Set<String> datasets,
    List<String> defects,
    int size,
    long seed,
    String learnBudget,
    boolean cli,
    boolean cds,
    boolean launcher,
    Map<String, List<String>> variants,
    Path jar,
    Path launcherScript,
    Path out) {

  static final List<String> DEFAULT_DEFECTS = List.of("exact_duplicates", "correlation_break");

  static final String USAGE =
      String.join(
          "\n",
          "usage: ./bench pairs [OPTIONS]",
          "  --repeats N         timed runs per pair and way of running; medians are kept (default 5)",
          "  --warmup N          untimed in-process rounds over all pairs first (default 1)",
          "  --datasets a,b      flights, birdstrikes, zipcodes, movies (default: all that exist)",
          "  --defects d,e       defects injected at moderate severity into extra candidates",
          "                      (default exact_duplicates,correlation_break; 'none' for clean only)",
          "  --size N            rows per half (default 4000; movies gets half of its rows)",
          "  --seed S            seed of the subsample, split and defects (default 7)",
          "  --learn-budget T    the validations' proxy-model budget, e.g. 0 (off) or 10s",
          "                      (default: the CLI's default)",
          "  --no-cli            in process only: no synthos validate processes",
          "  --no-cds            no run with the class-data archive next to the jar",
          "  --no-launcher       no run through the ./synthos launcher",
          "  --variant NAME=OPTS also run 'java OPTS -jar synthos.jar' (repeatable; OPTS split on",
          "                      spaces), e.g. --variant serial=-XX:+UseSerialGC",
          "  --jar PATH          synthos CLI jar (default synthos-cli/target/synthos.jar)",
          "  --launcher PATH     launcher script (default ./synthos)",
          "  --out DIR           results, pairs and runs (default bench-results)");

  static PairsOptions parse(String[] args) {
    int repeats = 5;
    int warmup = 1;
    Set<String> datasets = new LinkedHashSet<>();
    List<String> defects = DEFAULT_DEFECTS;
    int size = 4000;
    long seed = 7;
    String learnBudget = null;
    boolean cli = true;
    boolean cds = true;
    boolean launcher = true;
    Map<String, List<String>> variants = new LinkedHashMap<>();
    Path jar = Path.of("synthos-cli/target/synthos.jar");
    Path launcherScript = Path.of("synthos");
    Path out = Path.of("bench-results");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--repeats" -> repeats = (int) Args.positiveLong(Args.value(args, ++i, a), a);
        case "--warmup" -> warmup = Integer.parseInt(Args.value(args, ++i, a).trim());
        case "--datasets" -> datasets.addAll(List.of(Args.value(args, ++i, a).split(",")));
        case "--defects" -> {
          String v = Args.value(args, ++i, a);
          defects = v.equals("none") ? List.of() : List.of(v.split(","));
        }
        case "--size" -> size = (int) Args.positiveLong(Args.value(args, ++i, a), a);
        case "--seed" -> seed = Long.parseLong(Args.value(args, ++i, a).trim());
        case "--learn-budget" -> learnBudget = Args.value(args, ++i, a).trim();
        case "--no-cli" -> cli = false;
        case "--no-cds" -> cds = false;
        case "--no-launcher" -> launcher = false;
        case "--variant" -> {
          String v = Args.value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0 || eq == v.length() - 1) {
            throw new IllegalArgumentException("--variant takes NAME=JVM-OPTIONS, got '" + v + "'");
          }
          variants.put(v.substring(0, eq), List.of(v.substring(eq + 1).trim().split("\\s+")));
        }
        case "--jar" -> jar = Path.of(Args.value(args, ++i, a));
        case "--launcher" -> launcherScript = Path.of(Args.value(args, ++i, a));
        case "--out" -> out = Path.of(Args.value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup takes a whole number >= 0");
    }
    return new PairsOptions(
        repeats,
        warmup,
        java.util.Collections.unmodifiableSet(datasets),
        List.copyOf(new ArrayList<>(defects)),
        size,
        seed,
        learnBudget,
        cli,
        cds,
        launcher,
        variants,
        jar,
        launcherScript,
        out);
  }

  /**
   * The class-data archive the launcher keeps next to the jar: {@code synthos.jar} gives {@code
   * synthos.jsa}.
   */
  Path archive() {
    String name = jar.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return jar.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".jsa");
  }
}
