package org.synthos.bench.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code ./bench calibrate [--quick] [--datasets a,b] [--families f,g] [--moderate] [--seeds N]
 * [--defect-seeds M] [--first-seed S] [--threads T] [--max-rows R] [--out DIR]}: runs the
 * calibration benchmark and writes {@code DIR/calibration.json} and {@code .md} (default {@code
 * bench-results/}). {@code --first-seed} replaces the plan's first seed ({@link
 * CalibrationPlan#FULL_FIRST_SEED}, or {@link CalibrationPlan#QUICK_FIRST_SEED} with {@code
 * --quick}), so that a held-out run confirming a policy uses other seeds than the run that derived
 * it.
 */
public final class Calibrate {
  private Calibrate() {}

  public static void main(String[] args) throws IOException {
    CalibrationPlan plan =
        Arrays.asList(args).contains("--quick") ? CalibrationPlan.quick() : CalibrationPlan.full();
    Path out = Path.of("bench-results");
    Integer clean = null;
    Integer defect = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {
          // already applied: the quick plan is the base the other options change
        }
        case "--datasets" -> {
          Set<String> names = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
          plan = plan.withDatasets(names);
        }
        case "--families" -> {
          Set<String> keys = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
          Set<String> known = new LinkedHashSet<>();
          Family.defective().forEach(f -> known.add(f.key()));
          if (!known.containsAll(keys)) {
            System.err.println(
                "unknown family in '" + String.join(",", keys) + "'; known: " + known);
            System.exit(2);
          }
          plan = plan.withFamilies(keys);
        }
        case "--moderate" -> plan = plan.moderate();
        case "--seeds" -> clean = Integer.parseInt(value(args, ++i));
        case "--defect-seeds" -> defect = Integer.parseInt(value(args, ++i));
        case "--first-seed" -> plan = plan.withFirstSeed(Long.parseLong(value(args, ++i)));
        case "--threads" -> plan = plan.withThreads(Integer.parseInt(value(args, ++i)));
        case "--max-rows" -> plan = plan.withMaxRows(Integer.parseInt(value(args, ++i)));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--help", "-h" -> {
          System.out.println(
              "usage: ./bench calibrate [--quick] [--datasets a,b] [--families f,g] [--moderate]"
                  + " [--seeds N] [--defect-seeds M] [--first-seed S] [--threads T] [--max-rows R]"
                  + " [--out DIR]");
          return;
        }
        default -> {
          System.err.println("unknown option '" + args[i] + "' (--help lists them)");
          System.exit(2);
        }
      }
    }
    plan =
        plan.withSeeds(
            clean == null ? plan.cleanSeeds() : clean,
            defect == null ? plan.defectSeeds() : defect);
    Calibration.Result result = Calibration.run(plan, Path.of(""), System.err::println);
    Summary summary = Summary.of(result.outcomes());
    String command = "./bench calibrate " + String.join(" ", args);
    CalibrationReport.write(out, result, summary, command.trim());
    System.out.print(CalibrationReport.markdown(result, summary, command.trim()));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("option " + args[i - 1] + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
