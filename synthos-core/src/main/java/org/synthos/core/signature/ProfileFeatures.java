package org.synthos.core.signature;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;

/**
 * The profile part of a signature: one value in [0, 1] per {@link Feature}, in {@link Feature}
 * order. A pure function of a {@link DatasetProfile} and the distinct-row estimate of the same
 * pass, so the pre-screen and a validation compute the same vector for the same rows.
 */
public final class ProfileFeatures {
  private static final double[] TAIL_RANKS = {0.01, 0.25, 0.75, 0.99};
  private static final double RARE_SHARE = 0.01;

  private final double[] values;

  private ProfileFeatures(double[] values) {
    this.values = values;
  }

  /**
   * Features from given values in {@link Feature} order.
   *
   * @throws SynthosException INVALID_ARGUMENT when the length is wrong or a value is outside [0, 1]
   */
  public static ProfileFeatures of(double[] values) {
    if (values.length != Feature.values().length) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          values.length + " feature values for " + Feature.values().length + " features");
    }
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1)) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "feature " + Feature.values()[i].key() + " must lie in [0, 1], got " + values[i]);
      }
    }
    return new ProfileFeatures(values.clone());
  }

  /**
   * The features of a profile.
   *
   * @param profile the one-pass profile of the dataset
   * @param distinctRows estimated distinct rows of the same pass (see {@link ScreenPass})
   */
  public static ProfileFeatures of(DatasetProfile profile, double distinctRows) {
    double[] v = new double[Feature.values().length];
    long rows = profile.rows();
    int columns = profile.columns().size();
    Means numericDistinct = new Means();
    Means distinct = new Means();
    Means entropy = new Means();
    Means mode = new Means();
    Means rare = new Means();
    Means skew = new Means();
    Means kurtosis = new Means();
    Means tail = new Means();
    Means textLength = new Means();
    long cells = 0;
    long nulls = 0;
    long invalid = 0;
    double maxNull = 0;
    int[] typeCounts = new int[4];
    int constant = 0;
    for (ColumnStates c : profile.columns()) {
      ColumnType t = c.field().type();
      typeCounts[group(t)]++;
      cells += c.counts().rows();
      nulls += c.counts().nulls();
      invalid += c.counts().invalid();
      if (c.counts().rows() > 0) {
        maxNull = Math.max(maxNull, (double) c.counts().nulls() / c.counts().rows());
      }
      long present = c.counts().present();
      double d = distinctCount(c);
      if (d <= 1) {
        constant++;
      }
      if (present > 0) {
        double ratio = Math.min(1, d / present);
        distinct.add(ratio);
        if (t == ColumnType.INTEGER || t == ColumnType.FLOAT) {
          numericDistinct.add(ratio);
        }
      }
      if ((t == ColumnType.BOOLEAN || t == ColumnType.CATEGORICAL) && c.frequencies().isPresent()) {
        categories(c.frequencies().get(), entropy, mode, rare);
      }
      if ((t == ColumnType.INTEGER || t == ColumnType.FLOAT)
          && c.moments().isPresent()
          && c.moments().get().count() > 1) {
        shape(c.moments().get(), c.quantiles().orElseThrow(), skew, kurtosis, tail);
      }
      if (t == ColumnType.TEXT && c.text().isPresent()) {
        c.text().get().lengths().meanValue().ifPresent(m -> textLength.add(Math.tanh(m / 50)));
      }
    }
    set(v, Feature.NUMERIC_SHARE, share(typeCounts[0], columns));
    set(v, Feature.CATEGORICAL_SHARE, share(typeCounts[1], columns));
    set(v, Feature.TEXT_SHARE, share(typeCounts[2], columns));
    set(v, Feature.DATETIME_SHARE, share(typeCounts[3], columns));
    set(v, Feature.LOG_ROWS, Math.min(1, Math.log10(1 + rows) / 8));
    set(v, Feature.LOG_COLUMNS, Math.min(1, Math.log10(1 + columns) / 3));
    set(v, Feature.NULL_SHARE, share(nulls, cells));
    set(v, Feature.MAX_NULL_SHARE, maxNull);
    set(v, Feature.INVALID_SHARE, share(invalid, cells));
    set(
        v,
        Feature.DUPLICATE_ROW_SHARE,
        rows == 0 ? 0 : clamp(1 - Math.min(distinctRows, rows) / rows));
    set(v, Feature.DISTINCT_RATIO, distinct.mean());
    set(v, Feature.CONSTANT_COLUMN_SHARE, share(constant, columns));
    set(v, Feature.NUMERIC_DISTINCT_RATIO, numericDistinct.mean());
    set(v, Feature.CATEGORY_ENTROPY, entropy.mean());
    set(v, Feature.MODE_SHARE, mode.mean());
    set(v, Feature.RARE_CATEGORY_SHARE, rare.mean());
    set(v, Feature.SKEWNESS, skew.mean());
    set(v, Feature.KURTOSIS, kurtosis.mean());
    set(v, Feature.TAIL_RATIO, tail.mean());
    double[] r = correlations(profile);
    set(v, Feature.MEAN_ABS_CORRELATION, r[0]);
    set(v, Feature.MAX_ABS_CORRELATION, r[1]);
    set(v, Feature.TEXT_LENGTH, textLength.mean());
    return new ProfileFeatures(v);
  }

  private static int group(ColumnType t) {
    return switch (t) {
      case INTEGER, FLOAT -> 0;
      case BOOLEAN, CATEGORICAL -> 1;
      case TEXT, IDENTIFIER -> 2;
      case DATETIME -> 3;
    };
  }

  /** Exact when the category counts are exact, else the HLL estimate. */
  private static double distinctCount(ColumnStates c) {
    if (c.frequencies().isPresent() && c.frequencies().get().exactDistinct().isPresent()) {
      return c.frequencies().get().exactDistinct().getAsLong();
    }
    return c.distinct().estimate();
  }

  private static void categories(FrequencyState f, Means entropy, Means mode, Means rare) {
    if (f.total() == 0) {
      return;
    }
    double total = f.total();
    // Exact counts when the column is under the category cap, else the sketch's frequent values
    // (the remainder is then spread over values each below the sketch's error bound).
    Map<String, Long> counts =
        f.approximate() ? topCounts(f) : new java.util.TreeMap<>(f.exactCounts());
    long max = 0;
    double h = 0;
    long rareRows = 0;
    for (long c : counts.values()) {
      max = Math.max(max, c);
      double p = c / total;
      if (p > 0) {
        h -= p * Math.log(p);
      }
      if (p < RARE_SHARE) {
        rareRows += c;
      }
    }
    int k = counts.size();
    if (k >= 2) {
      entropy.add(clamp(h / Math.log(k)));
    }
    mode.add(clamp(max / total));
    long uncounted =
        Math.max(0, f.total() - counts.values().stream().mapToLong(Long::longValue).sum());
    rare.add(clamp((rareRows + uncounted) / total));
  }

  private static Map<String, Long> topCounts(FrequencyState f) {
    Map<String, Long> out = new java.util.TreeMap<>();
    f.top(Integer.MAX_VALUE).forEach(vc -> out.put(vc.value(), vc.count()));
    return out;
  }

  private static void shape(
      MomentsState m, QuantileState q, Means skew, Means kurtosis, Means tail) {
    OptionalDouble g1 = m.skewness();
    OptionalDouble g2 = m.excessKurtosis();
    skew.add(g1.isPresent() ? Math.tanh(Math.abs(g1.getAsDouble()) / 2) : 0);
    kurtosis.add(g2.isPresent() ? Math.tanh(Math.max(0, g2.getAsDouble()) / 5) : 0);
    double[] x = q.quantiles(TAIL_RANKS);
    double iqr = x[2] - x[1];
    double range = x[3] - x[0];
    if (!(Double.isFinite(iqr) && Double.isFinite(range))) {
      return;
    }
    tail.add(iqr > 0 ? Math.tanh(range / iqr / 10) : (range > 0 ? 1 : 0));
  }

  /** Mean and largest |r| over the profiled numeric pairs with a defined r. */
  private static double[] correlations(DatasetProfile profile) {
    Means mean = new Means();
    double max = 0;
    for (DatasetProfile.Correlation c : profile.pearsonCorrelations()) {
      if (c.r().isPresent() && Double.isFinite(c.r().getAsDouble())) {
        double a = Math.min(1, Math.abs(c.r().getAsDouble()));
        mean.add(a);
        max = Math.max(max, a);
      }
    }
    return new double[] {mean.mean(), max};
  }

  private static double share(double part, double whole) {
    return whole <= 0 ? 0 : clamp(part / whole);
  }

  private static double clamp(double x) {
    return Double.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
  }

  private static void set(double[] v, Feature f, double value) {
    v[f.ordinal()] = clamp(value);
  }

  /** A running mean that is 0 over nothing. */
  private static final class Means {
    private double sum;
    private int n;

    void add(double x) {
      if (Double.isFinite(x)) {
        sum += x;
        n++;
      }
    }

    double mean() {
      return n == 0 ? 0 : sum / n;
    }
  }

  /** The value of one feature. */
  public double get(Feature f) {
    return values[f.ordinal()];
  }

  /** The values in {@link Feature} order (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** The values by feature, in {@link Feature} order. */
  public Map<Feature, Double> asMap() {
    Map<Feature, Double> out = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      out.put(f, values[f.ordinal()]);
    }
    return out;
  }

  /**
   * Root-mean-square difference over the features: 0 for equal vectors, at most 1 since every
   * feature lies in [0, 1].
   */
  public double distance(ProfileFeatures other) {
    return SignatureIndex.distance(values, other.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileFeatures f && Arrays.equals(values, f.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "ProfileFeatures" + asMap();
  }
}
