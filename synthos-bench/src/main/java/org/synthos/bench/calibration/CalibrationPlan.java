package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.ValidationOptions;

/**
 * What a calibration run covers.
 *
 * @param datasets dataset names to run (empty: all that are present)
 * @param cleanSeeds clean splits per dataset (the false-positive rate)
 * @param defectSeeds runs per dataset, family and severity
 * @param moderateOnly run each family at its moderate severity only (the quick subset)
 * @param committedOnly use only the datasets committed under {@code examples/}
 * @param firstSeed the first seed; seeds run from here upwards
 * @param threads validations run at once
 * @param families family keys to run besides the clean splits (empty: every family)
 */
public record CalibrationPlan(
    Set<String> datasets,
    int cleanSeeds,
    int defectSeeds,
    boolean moderateOnly,
    boolean committedOnly,
    long firstSeed,
    int threads,
    Set<String> families,
    int maxRows) {
  /** Seeds of the full run start here, away from the seeds used while developing the scorer. */
  public static final long FULL_FIRST_SEED = 1_000;

  /** Rows analysed per file unless {@link #withMaxRows} says otherwise: the validation default. */
  public static final int DEFAULT_MAX_ROWS = ValidationOptions.defaults().maxRows();

  /** The quick (CI) subset uses its own seeds. */
  public static final long QUICK_FIRST_SEED = 5_000;

  public CalibrationPlan {
    datasets = Set.copyOf(datasets);
    families = Set.copyOf(families);
    if (cleanSeeds < 1 || defectSeeds < 1 || threads < 1 || maxRows < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "seeds, threads and rows analysed must be at least 1");
    }
  }

  /** The full benchmark: every dataset, 20 clean splits each, 2 seeds per defect and severity. */
  public static CalibrationPlan full() {
    return new CalibrationPlan(
        Set.of(), 20, 2, false, false, FULL_FIRST_SEED, 2, Set.of(), DEFAULT_MAX_ROWS);
  }

  /** The CI subset: committed datasets, moderate severities, few seeds. */
  public static CalibrationPlan quick() {
    return new CalibrationPlan(
        Set.of(), 4, 1, true, true, QUICK_FIRST_SEED, 2, Set.of(), DEFAULT_MAX_ROWS);
  }

  public CalibrationPlan withSeeds(int clean, int defect) {
    return new CalibrationPlan(
        datasets,
        clean,
        defect,
        moderateOnly,
        committedOnly,
        firstSeed,
        threads,
        families,
        maxRows);
  }

  public CalibrationPlan withDatasets(Set<String> names) {
    return new CalibrationPlan(
        names,
        cleanSeeds,
        defectSeeds,
        moderateOnly,
        committedOnly,
        firstSeed,
        threads,
        families,
        maxRows);
  }

  /** Seeds from {@code seed} upwards, so that a confirmation run can use other seeds. */
  public CalibrationPlan withFirstSeed(long seed) {
    return new CalibrationPlan(
        datasets,
        cleanSeeds,
        defectSeeds,
        moderateOnly,
        committedOnly,
        seed,
        threads,
        families,
        maxRows);
  }

  public CalibrationPlan withThreads(int n) {
    return new CalibrationPlan(
        datasets,
        cleanSeeds,
        defectSeeds,
        moderateOnly,
        committedOnly,
        firstSeed,
        n,
        families,
        maxRows);
  }

  /** Only these families (and the clean splits); the keys are checked when the plan runs. */
  public CalibrationPlan withFamilies(Set<String> keys) {
    return new CalibrationPlan(
        datasets,
        cleanSeeds,
        defectSeeds,
        moderateOnly,
        committedOnly,
        firstSeed,
        threads,
        keys,
        maxRows);
  }

  /**
   * At most {@code rows} rows analysed per file, so that splits larger than that are judged as
   * large files are: on a seeded sample, with the states of every row where a measure has them.
   */
  public CalibrationPlan withMaxRows(int rows) {
    return new CalibrationPlan(
        datasets,
        cleanSeeds,
        defectSeeds,
        moderateOnly,
        committedOnly,
        firstSeed,
        threads,
        families,
        rows);
  }

  /** Each family at its moderate severity only. */
  public CalibrationPlan moderate() {
    return new CalibrationPlan(
        datasets,
        cleanSeeds,
        defectSeeds,
        true,
        committedOnly,
        firstSeed,
        threads,
        families,
        maxRows);
  }

  /** The datasets of this plan, in table order. */
  List<BenchDataset> selected() {
    List<BenchDataset> out = new ArrayList<>();
    for (BenchDataset d : BenchDataset.all()) {
      if ((datasets.isEmpty() || datasets.contains(d.name()))
          && (!committedOnly || d.committed())) {
        out.add(d);
      }
    }
    for (String name : datasets) {
      if (BenchDataset.all().stream().noneMatch(d -> d.name().equals(name))) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "unknown dataset '"
                + name
                + "'; known: "
                + BenchDataset.all().stream().map(BenchDataset::name).toList());
      }
    }
    return out;
  }
}
