package org.synthos.core.assess.inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/** Applies a {@link Defect} to a dataset held in memory. */
public final class DefectInjector {
  private static final double NEAR_JITTER = 3e-4;
  private static final double RARE_SHARE = 0.05;
  private static final double OUTLIER_SDS = 10;

  private DefectInjector() {}

  /** Concatenates a dataset's batches into one batch whose first row is 0. */
  public static ColumnBatch materialise(Schema schema, Iterator<ColumnBatch> batches) {
    Cells cells = new Cells(schema, 0);
    while (batches.hasNext()) {
      cells.append(batches.next());
    }
    return cells.toBatch();
  }

  /**
   * Injects {@code defect} at {@code severity} (0..1 for shares and shrink, standard deviations for
   * shifts) with the given seed. {@code reference} is needed for {@link Defect#MEMORISED_COPIES}
   * only and must have the same schema.
   */
  public static Injection inject(
      ColumnBatch data, ColumnBatch reference, Defect defect, double severity, long seed) {
    if (!(severity >= 0)
        || (severity > 1 && defect != Defect.MEAN_SHIFT && defect != Defect.DRIFT)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "severity of " + defect.key() + " must lie in [0, 1], got " + severity);
    }
    Cells cells = new Cells(data.schema(), 0);
    cells.append(data);
    SplittableRandom random = new SplittableRandom(seed);
    TreeSet<Long> affected = new TreeSet<>();
    int n = cells.size;
    String description;
    int[] kept = null;
    switch (defect) {
      case LABEL_NOISE, CLASS_IMBALANCE -> {
        int label = LabelDefects.labelColumn(cells);
        if (label < 0) {
          description = LabelDefects.noLabel();
        } else if (defect == Defect.LABEL_NOISE) {
          description = LabelDefects.noise(cells, label, severity, random, affected);
        } else {
          kept = LabelDefects.imbalance(cells, label, severity, random, affected);
          description = LabelDefects.imbalanceDescription(cells, label, n - kept.length);
        }
      }
      case TEXT_REPETITION, TEMPLATE_COLLAPSE, VOCABULARY_SHRINK, TEXT_TRUNCATION -> {
        if (TextDefects.textColumns(cells).isEmpty()) {
          description = TextDefects.noText();
        } else if (defect == Defect.TEXT_REPETITION) {
          description = TextDefects.repetition(cells, severity, random, affected);
        } else if (defect == Defect.TEMPLATE_COLLAPSE) {
          description = TextDefects.templates(cells, severity, random, affected);
        } else if (defect == Defect.TEXT_TRUNCATION) {
          description = TextDefects.truncation(cells, severity, affected);
        } else {
          description = TextDefects.vocabulary(cells, severity, random, affected);
        }
      }
      case NEAR_COPIES -> description = TextDefects.nearCopies(cells, severity, random, affected);
      case NEAR_COPIES_TWO_CELLS ->
          description = TwoCellCopies.inject(cells, severity, random, affected);
      case VARIANCE_SHRINK -> {
        forNumeric(
            cells,
            (c, mean, sd) ->
                cells.mapNumeric(c, x -> mean + (1 - severity) * (x - mean), affected));
        description = "pulled every numeric column towards its mean by a factor " + (1 - severity);
      }
      case MEAN_SHIFT -> {
        forNumeric(cells, (c, mean, sd) -> cells.mapNumeric(c, x -> x + severity * sd, affected));
        description = "shifted every numeric column by " + severity + " standard deviations";
      }
      case DRIFT -> {
        for (int c = 0; c < cells.width(); c++) {
          if (!cells.isNumeric(c) || cells.type(c) == ColumnType.DATETIME) {
            continue;
          }
          double sd = cells.sd(c);
          for (int i = 0; i < n; i++) {
            if (!cells.nulls[c][i] && n > 1) {
              double shift = severity * sd * (2.0 * i / (n - 1) - 1);
              cells.setNumeric(c, i, cells.numeric(c, i) + shift);
              affected.add(i + 1L);
            }
          }
        }
        description =
            "shifted numeric columns linearly along row order, from -"
                + severity
                + " to +"
                + severity
                + " sd";
      }
      case TAIL_TRUNCATION -> {
        for (int c = 0; c < cells.width(); c++) {
          if (!cells.isNumeric(c) || cells.type(c) == ColumnType.DATETIME) {
            continue;
          }
          double[] sorted = cells.presentValues(c);
          if (sorted.length == 0) {
            continue;
          }
          Arrays.sort(sorted);
          double lo = sorted[(int) Math.floor(severity / 2 * (sorted.length - 1))];
          double hi = sorted[(int) Math.ceil((1 - severity / 2) * (sorted.length - 1))];
          cells.mapNumeric(c, x -> Math.max(lo, Math.min(hi, x)), affected);
        }
        description =
            "clipped numeric columns to their own "
                + severity / 2
                + " and "
                + (1 - severity / 2)
                + " quantiles";
      }
      case CATEGORY_COLLAPSE -> {
        for (int c = 0; c < cells.width(); c++) {
          if (!cells.isCategorical(c)) {
            continue;
          }
          String mode = cells.mode(c);
          for (int i = 0; i < n; i++) {
            if (!cells.nulls[c][i]
                && random.nextDouble() < severity
                && !mode.equals(cells.strings[c][i])) {
              cells.strings[c][i] = mode;
              affected.add(i + 1L);
            }
          }
        }
        description =
            "set a share "
                + severity
                + " of each categorical column's cells to its most frequent value";
      }
      case RARE_CATEGORY_LOSS -> {
        // Only categories the reference also holds can be lost relative to it: redrawing a value
        // the reference never saw (penguins' one '.' sex) would move the candidate towards it.
        Cells ref = null;
        if (reference != null && reference.schema().equals(data.schema())) {
          ref = new Cells(reference.schema(), 0);
          ref.append(reference);
        }
        for (int c = 0; c < cells.width(); c++) {
          if (!cells.isCategorical(c)) {
            continue;
          }
          Set<String> inReference = ref == null ? null : ref.counts(c).keySet();
          Map<String, Integer> counts = cells.counts(c);
          int total = counts.values().stream().mapToInt(Integer::intValue).sum();
          List<String> frequent = new ArrayList<>();
          counts.forEach(
              (k, v) -> {
                if (v >= RARE_SHARE * total) {
                  frequent.add(k);
                }
              });
          if (frequent.isEmpty() || frequent.size() == counts.size()) {
            continue;
          }
          List<String> pool = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            if (!cells.nulls[c][i] && frequent.contains(cells.strings[c][i])) {
              pool.add(cells.strings[c][i]);
            }
          }
          for (int i = 0; i < n; i++) {
            if (!cells.nulls[c][i]
                && !frequent.contains(cells.strings[c][i])
                && (inReference == null || inReference.contains(cells.strings[c][i]))
                && random.nextDouble() < severity) {
              cells.strings[c][i] = pool.get(random.nextInt(pool.size()));
              affected.add(i + 1L);
            }
          }
        }
        description =
            "redrew a share "
                + severity
                + " of the cells holding categories below 5% (and held by the reference) from the"
                + " frequent categories";
      }
      case EXACT_DUPLICATES, NEAR_DUPLICATES -> {
        boolean jitter = defect == Defect.NEAR_DUPLICATES;
        double[] sds = new double[cells.width()];
        double[] mins = new double[cells.width()];
        double[] maxs = new double[cells.width()];
        for (int c = 0; c < cells.width(); c++) {
          sds[c] = cells.isNumeric(c) ? cells.sd(c) : 0;
          double[] present = cells.isNumeric(c) ? cells.presentValues(c) : new double[0];
          mins[c] = Arrays.stream(present).min().orElse(0);
          maxs[c] = Arrays.stream(present).max().orElse(0);
        }
        int[] targets = pick(n, severity, random);
        boolean[] isTarget = new boolean[n];
        for (int t : targets) {
          isTarget[t] = true;
        }
        int[] sources = IntStream.range(0, n).filter(i -> !isTarget[i]).toArray();
        if (sources.length == 0) {
          throw new SynthosException(
              ErrorCode.INVALID_ARGUMENT, "severity leaves no row to copy from");
        }
        for (int t : targets) {
          int s = sources[random.nextInt(sources.length)];
          cells.copyRow(cells, s, t);
          if (jitter) {
            for (int c = 0; c < cells.width(); c++) {
              if (cells.type(c) == ColumnType.FLOAT && !cells.nulls[c][t] && sds[c] > 0) {
                double jittered =
                    cells.numeric(c, t) + (2 * random.nextDouble() - 1) * NEAR_JITTER * sds[c];
                cells.setNumeric(c, t, Math.max(mins[c], Math.min(maxs[c], jittered)));
              }
            }
          }
          affected.add(t + 1L);
        }
        description =
            "replaced "
                + targets.length
                + " rows with "
                + (jitter ? "jittered " : "exact ")
                + "copies of other rows";
      }
      case MEMORISED_COPIES -> {
        if (reference == null
            || !reference.schema().equals(data.schema())
            || reference.rowCount() == 0) {
          throw new SynthosException(
              ErrorCode.INVALID_ARGUMENT,
              "memorised copies need a non-empty reference with the same schema");
        }
        Cells ref = new Cells(reference.schema(), 0);
        ref.append(reference);
        int[] targets = pick(n, severity, random);
        for (int t : targets) {
          cells.copyRow(ref, random.nextInt(ref.size), t);
          affected.add(t + 1L);
        }
        description = "replaced " + targets.length + " rows with copies of reference rows";
      }
      case CORRELATION_BREAK -> {
        int[] rows = pick(n, severity, random);
        Arrays.sort(rows);
        for (int c = 0; c < cells.width(); c++) {
          cells.permute(c, rows, shuffled(rows, random));
        }
        for (int r : rows) {
          affected.add(r + 1L);
        }
        description = "permuted each column independently among " + rows.length + " rows";
      }
      case CONDITIONAL_BREAK -> {
        int key = segmentColumn(cells);
        if (key < 0) {
          description =
              "left unchanged: no categorical column of 2 to "
                  + Defect.SEGMENT_CATEGORIES
                  + " values to condition on";
          break;
        }
        String segment = cells.mode(key);
        int[] inSegment =
            IntStream.range(0, n)
                .filter(i -> !cells.nulls[key][i] && segment.equals(cells.strings[key][i]))
                .toArray();
        int[] rows = pick(inSegment.length, severity, random);
        for (int k = 0; k < rows.length; k++) {
          rows[k] = inSegment[rows[k]];
        }
        Arrays.sort(rows);
        for (int c = 0; c < cells.width(); c++) {
          if (c != key) {
            cells.permute(c, rows, shuffled(rows, random));
          }
        }
        for (int r : rows) {
          affected.add(r + 1L);
        }
        description =
            "permuted each column independently among "
                + rows.length
                + " rows where "
                + cells.schema.field(key).name()
                + " = '"
                + segment
                + "'";
      }
      case NOISE_OUTLIERS -> {
        double outlierShare = severity / 100;
        forNumeric(
            cells,
            (c, mean, sd) ->
                cells.mapNumeric(
                    c,
                    x ->
                        random.nextDouble() < outlierShare
                            ? mean + (random.nextBoolean() ? 1 : -1) * OUTLIER_SDS * sd
                            : x + severity * sd * random.nextGaussian(),
                    affected));
        description =
            "added Gaussian noise of "
                + severity
                + " sd to every number and replaced a share "
                + outlierShare
                + " of numeric cells by outliers "
                + OUTLIER_SDS
                + " sd from the mean";
      }
      case MISSING_PATTERN -> {
        for (int c = 0; c < cells.width(); c++) {
          for (int i = 0; i < n; i++) {
            if (!cells.nulls[c][i] && random.nextDouble() < severity) {
              cells.nulls[c][i] = true;
              affected.add(i + 1L);
            }
          }
        }
        description = "set a share " + severity + " of every column's cells to null at random";
      }
      default -> throw new IllegalStateException("unhandled defect " + defect);
    }
    ColumnBatch out = kept == null ? cells.toBatch() : cells.toBatch().select(kept);
    return new Injection(out, defect, severity, new ArrayList<>(affected), description);
  }

  /** A random order of {@code rows} (Fisher-Yates). */
  private static int[] shuffled(int[] rows, SplittableRandom random) {
    int[] perm = rows.clone();
    for (int i = perm.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    return perm;
  }

  private static int segmentColumn(Cells cells) {
    for (int c = 0; c < cells.width(); c++) {
      int distinct = cells.isCategorical(c) ? cells.counts(c).size() : 0;
      if (distinct >= 2 && distinct <= Defect.SEGMENT_CATEGORIES) {
        return c;
      }
    }
    return -1;
  }

  /** The rows of {@code 0..n-1} not in {@code picked}, in order. */
  static int[] others(int n, int[] picked) {
    boolean[] in = new boolean[n];
    for (int t : picked) {
      in[t] = true;
    }
    return IntStream.range(0, n).filter(i -> !in[i]).toArray();
  }

  static int[] pick(int n, double share, SplittableRandom random) {
    int k = (int) Math.round(share * n);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return Arrays.copyOf(idx, k);
  }

  @FunctionalInterface
  private interface NumericAction {
    void apply(int column, double mean, double sd);
  }

  private static void forNumeric(Cells cells, NumericAction action) {
    for (int c = 0; c < cells.width(); c++) {
      if (cells.isNumeric(c) && cells.type(c) != ColumnType.DATETIME) {
        double[] v = cells.presentValues(c);
        double mean = Arrays.stream(v).average().orElse(0);
        action.apply(c, mean, cells.sd(c));
      }
    }
  }
}
