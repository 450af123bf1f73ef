package org.synthos.core.assess.measure;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * The text measures of one {@link TextColumn} for one labelling (true: the row plays the
 * candidate), over the rows whose text is present. Larger is worse throughout; NaN when a side has
 * no text (or no token, for the vocabulary measures).
 *
 * <ul>
 *   <li>{@link #distinctDeficit}: distinct-n (Li et al., "A Diversity-Promoting Objective Function
 *       for Neural Conversation Models", NAACL 2016): distinct n-grams per n-gram on a side;
 *       deficit max(0, 1 - d_c / d_r).
 *   <li>{@link #compressionDeficit}: zlib (level 6) compressed size / raw size of the side's texts
 *       joined by newlines, both sides cut to the same number of bytes (at most {@value
 *       #COMPRESSION_BYTES}): repeated texts and templates compress better; deficit max(0, 1 -
 *       ratio_c / ratio_r).
 *   <li>{@link #entropyDeficit}: Shannon entropy (nats) of the unigram distribution; max(0, 1 - H_c
 *       / H_r).
 *   <li>{@link #topShareExcess}: the share of rows taken by the side's {@value #TOP_TEXTS} most
 *       frequent texts, candidate minus reference: repetition of a few texts.
 *   <li>{@link #headShareExcess}: the same share for heads (a text's tokens but its last, over
 *       texts of two tokens or more; every present row in the denominator): templates whose last
 *       word is varied, which leave whole texts distinct, concentrate heads.
 *   <li>{@link #coverageGap}: 1 - |V_c ∩ V_r| / |V_r|, V the unigram vocabulary of a side.
 *   <li>{@link #jensenShannon}: the Jensen-Shannon distance (base 2, in [0, 1]) between the sides'
 *       unigram distributions, as {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}.
 *   <li>{@link #oovRate}: the share of candidate tokens absent from the reference's vocabulary.
 * </ul>
 *
 * Lengths are measured with {@link Measures#ks} on {@link TextColumn#characters} and {@link
 * TextColumn#tokens}; repeats, near duplicates and copies with {@link Measures#repeatShare} and
 * {@link Measures#copyShare} on the column's groups, rows without text left out ({@link
 * Measures#present}).
 */
public final class TextMeasures {
  static final int COMPRESSION_BYTES = 1 << 18;

  /** The most frequent texts, and heads, whose share of rows is measured. */
  public static final int TOP_TEXTS = 10;

  private TextMeasures() {}

  /** Relative loss of distinct n-grams (n = 1 or 2) per n-gram. */
  public static double distinctDeficit(TextColumn t, int n, boolean[] cand) {
    int[][] grams = n == 1 ? t.unigrams : t.bigrams;
    int size = n == 1 ? t.vocabulary : t.bigramVocabulary;
    double c = distinctPerGram(t, grams, size, cand, true);
    double r = distinctPerGram(t, grams, size, cand, false);
    if (Double.isNaN(c) || Double.isNaN(r) || r == 0) {
      return Double.NaN;
    }
    return Math.max(0, 1 - c / r);
  }

  /** Distinct n-grams / n-grams of one side. */
  public static double distinctPerGram(
      TextColumn t, int[][] grams, int size, boolean[] cand, boolean side) {
    boolean[] seen = new boolean[size];
    long total = 0;
    int distinct = 0;
    int[] codes = t.var.codes;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || cand[i] != side) {
        continue;
      }
      for (int g : grams[codes[i]]) {
        total++;
        if (!seen[g]) {
          seen[g] = true;
          distinct++;
        }
      }
    }
    return total == 0 ? Double.NaN : (double) distinct / total;
  }

  /** Relative loss of the zlib compression ratio on equal byte budgets. */
  public static double compressionDeficit(TextColumn t, boolean[] cand) {
    long bc = bytes(t, cand, true);
    long br = bytes(t, cand, false);
    int budget = (int) Math.min(COMPRESSION_BYTES, Math.min(bc, br));
    if (budget == 0) {
      return Double.NaN;
    }
    double c = compressionRatio(joined(t, cand, true, budget));
    double r = compressionRatio(joined(t, cand, false, budget));
    return Math.max(0, 1 - c / r);
  }

  /** zlib level 6 compressed length / raw length, as Python's {@code zlib.compress(data, 6)}. */
  public static double compressionRatio(byte[] data) {
    Deflater d = new Deflater(6);
    try {
      d.setInput(data);
      d.finish();
      byte[] buf = new byte[8192];
      long out = 0;
      while (!d.finished()) {
        out += d.deflate(buf);
      }
      return (double) out / data.length;
    } finally {
      d.end();
    }
  }

  private static long bytes(TextColumn t, boolean[] cand, boolean side) {
    long total = 0;
    int[] codes = t.var.codes;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= 0 && cand[i] == side) {
        total += t.utf8[codes[i]].length + 1L;
      }
    }
    return total;
  }

  /** The side's texts in pool order, each followed by a newline, cut to {@code budget} bytes. */
  static byte[] joined(TextColumn t, boolean[] cand, boolean side, int budget) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(budget);
    int[] codes = t.var.codes;
    for (int i = 0; i < codes.length && out.size() < budget; i++) {
      if (codes[i] >= 0 && cand[i] == side) {
        byte[] b = t.utf8[codes[i]];
        out.write(b, 0, Math.min(b.length, budget - out.size()));
        if (out.size() < budget) {
          out.write('\n');
        }
      }
    }
    return out.toByteArray();
  }

  /** Relative loss of the unigram entropy. */
  public static double entropyDeficit(TextColumn t, boolean[] cand) {
    double[][] both = unigramSharesBoth(t, cand);
    double[] pc = both[0];
    double[] pr = both[1];
    if (pc == null || pr == null) {
      return Double.NaN;
    }
    double hc = Measures.entropy(pc);
    double hr = Measures.entropy(pr);
    if (hr == 0) {
      return Double.NaN;
    }
    return Math.max(0, 1 - hc / hr);
  }

  /** Both sides' token counts in one pass over the rows: {candidate, reference}. */
  static long[][] unigramCountsBoth(TextColumn t, boolean[] cand) {
    long[] c = new long[t.vocabulary];
    long[] r = new long[t.vocabulary];
    int[] codes = t.var.codes;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= 0) {
        long[] counts = cand[i] ? c : r;
        for (int g : t.unigrams[codes[i]]) {
          counts[g]++;
        }
      }
    }
    return new long[][] {c, r};
  }

  /** Each side's token shares, {candidate, reference}; a side without a token is null. */
  private static double[][] unigramSharesBoth(TextColumn t, boolean[] cand) {
    long[][] both = unigramCountsBoth(t, cand);
    return new double[][] {shares(both[0]), shares(both[1])};
  }

  private static double[] shares(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    double[] p = new double[counts.length];
    for (int g = 0; g < p.length; g++) {
      p[g] = (double) counts[g] / total;
    }
    return p;
  }

  /** Share of the side's rows taken by its most frequent texts, candidate minus reference. */
  public static double topShareExcess(TextColumn t, boolean[] cand) {
    double c = topShare(t, cand, true);
    double r = topShare(t, cand, false);
    return Double.isNaN(c) || Double.isNaN(r) ? Double.NaN : c - r;
  }

  /**
   * Share of one side's present rows whose text is one of its {@value #TOP_TEXTS} most frequent.
   */
  public static double topShare(TextColumn t, boolean[] cand, boolean side) {
    return topShare(t.var.codes, null, t.var.dictionary.length, cand, side);
  }

  /**
   * Share of rows taken by the side's {@value #TOP_TEXTS} most frequent heads (a text's tokens but
   * the last), candidate minus reference: a few templates filled with varied last words. NaN when
   * no text of the column has two tokens or more.
   */
  public static double headShareExcess(TextColumn t, boolean[] cand) {
    if (t.headVocabulary == 0) {
      return Double.NaN;
    }
    double c = topShare(t.var.codes, t.heads, t.headVocabulary, cand, true);
    double r = topShare(t.var.codes, t.heads, t.headVocabulary, cand, false);
    return Double.isNaN(c) || Double.isNaN(r) ? Double.NaN : c - r;
  }

  /**
   * Share of one side's present rows whose key is one of the side's {@value #TOP_TEXTS} most
   * frequent keys: the key of a row is {@code keyOf[code]} (-1: none, the row counts only in the
   * denominator), or the dictionary code itself when {@code keyOf} is null. NaN without a present
   * row.
   */
  static double topShare(int[] codes, int[] keyOf, int keys, boolean[] cand, boolean side) {
    int[] counts = new int[keys];
    int rows = 0;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= 0 && cand[i] == side) {
        int key = keyOf == null ? codes[i] : keyOf[codes[i]];
        if (key >= 0) {
          counts[key]++;
        }
        rows++;
      }
    }
    if (rows == 0) {
      return Double.NaN;
    }
    // The largest TOP_TEXTS counts in one pass, kept in descending order (no sort of every key).
    int[] top = new int[TOP_TEXTS];
    for (int n : counts) {
      if (n > top[TOP_TEXTS - 1]) {
        int k = TOP_TEXTS - 1;
        while (k > 0 && top[k - 1] < n) {
          top[k] = top[k - 1];
          k--;
        }
        top[k] = n;
      }
    }
    long sum = 0;
    for (int n : top) {
      sum += n;
    }
    return (double) sum / rows;
  }

  /** 1 - share of the reference's vocabulary that the candidate uses. */
  public static double coverageGap(TextColumn t, boolean[] cand) {
    long[][] sides = unigramCountsBoth(t, cand);
    long[] c = sides[0];
    long[] r = sides[1];
    int vr = 0;
    int both = 0;
    long tc = 0;
    for (int g = 0; g < c.length; g++) {
      tc += c[g];
      if (r[g] > 0) {
        vr++;
        if (c[g] > 0) {
          both++;
        }
      }
    }
    return vr == 0 || tc == 0 ? Double.NaN : 1 - (double) both / vr;
  }

  /** Jensen-Shannon distance, base 2, between the sides' unigram distributions. */
  public static double jensenShannon(TextColumn t, boolean[] cand) {
    double[][] both = unigramSharesBoth(t, cand);
    double[] p = both[0];
    double[] q = both[1];
    return p == null || q == null ? Double.NaN : jensenShannon(p, q);
  }

  /** sqrt((KL(p || m) + KL(q || m)) / 2) in bits, m = (p + q) / 2; scipy's jensenshannon. */
  public static double jensenShannon(double[] p, double[] q) {
    double js = 0;
    for (int g = 0; g < p.length; g++) {
      double m = (p[g] + q[g]) / 2;
      if (p[g] > 0) {
        js += p[g] * Math.log(p[g] / m);
      }
      if (q[g] > 0) {
        js += q[g] * Math.log(q[g] / m);
      }
    }
    return Math.sqrt(Math.max(0, js / 2) / Math.log(2));
  }

  /** Share of candidate tokens that never occur on the reference side. */
  public static double oovRate(TextColumn t, boolean[] cand) {
    long[][] both = unigramCountsBoth(t, cand);
    long[] c = both[0];
    long[] r = both[1];
    long tc = 0;
    long tr = 0;
    long oov = 0;
    for (int g = 0; g < c.length; g++) {
      tc += c[g];
      tr += r[g];
      if (r[g] == 0) {
        oov += c[g];
      }
    }
    return tc == 0 || tr == 0 ? Double.NaN : (double) oov / tc;
  }
}
