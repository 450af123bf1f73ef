package org.synthos.core.assess.inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.pool.TextLengths;

/**
 * Defects of text columns (those typed {@link ColumnType#TEXT}) and near copies of rows: what a
 * text generator does when it collapses (Shumailov et al. 2024: repetition, a narrowing
 * vocabulary), and rows copied with one number nudged.
 */
final class TextDefects {
  /** The distinct texts a repeating generator draws from: the user's report of 25. */
  static final int POOL = 25;

  /** The templates a collapsed generator fills. */
  static final int TEMPLATES = 5;

  /** The largest relative change of a near copy's nudged cell. */
  static final double NUDGE = 0.01;

  private TextDefects() {}

  static List<Integer> textColumns(Cells cells) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < cells.width(); c++) {
      if (cells.type(c) == ColumnType.TEXT) {
        out.add(c);
      }
    }
    return out;
  }

  static String noText() {
    return "left unchanged: no text column";
  }

  /**
   * A share {@code severity} of each text column's present cells redrawn uniformly from {@value
   * #POOL} of the column's own distinct texts.
   */
  static String repetition(
      Cells cells, double severity, SplittableRandom random, TreeSet<Long> affected) {
    int changed = 0;
    for (int c : textColumns(cells)) {
      List<String> distinct = new ArrayList<>(new TreeSet<>(cells.counts(c).keySet()));
      List<String> pool = new ArrayList<>();
      for (int k = 0; k < POOL && !distinct.isEmpty(); k++) {
        pool.add(distinct.remove(random.nextInt(distinct.size())));
      }
      for (int i = 0; i < cells.size; i++) {
        if (!cells.nulls[c][i] && random.nextDouble() < severity) {
          cells.strings[c][i] = pool.get(random.nextInt(pool.size()));
          affected.add(i + 1L);
          changed++;
        }
      }
    }
    return "redrew " + changed + " texts from " + POOL + " distinct texts per column";
  }

  /**
   * A share {@code severity} of each text column's present cells replaced by one of {@value
   * #TEMPLATES} of the column's texts (of two or more tokens) whose last token is swapped for a
   * word drawn from the column: few templates with varied fillers.
   */
  static String templates(
      Cells cells, double severity, SplittableRandom random, TreeSet<Long> affected) {
    int changed = 0;
    for (int c : textColumns(cells)) {
      List<String> candidates = new ArrayList<>();
      List<String> words = new ArrayList<>();
      for (String t : new TreeSet<>(cells.counts(c).keySet())) {
        String[] tokens = TextLengths.tokenise(t);
        if (tokens.length >= 2) {
          candidates.add(t);
        }
        words.addAll(List.of(tokens));
      }
      if (candidates.isEmpty() || words.isEmpty()) {
        continue;
      }
      String[] heads = new String[TEMPLATES];
      for (int k = 0; k < TEMPLATES; k++) {
        String t = candidates.get(random.nextInt(candidates.size())).strip();
        int cut = t.lastIndexOf(' ');
        heads[k] = cut > 0 ? t.substring(0, cut + 1) : t + " ";
      }
      for (int i = 0; i < cells.size; i++) {
        if (!cells.nulls[c][i] && random.nextDouble() < severity) {
          cells.strings[c][i] =
              heads[random.nextInt(TEMPLATES)] + words.get(random.nextInt(words.size()));
          affected.add(i + 1L);
          changed++;
        }
      }
    }
    return "replaced " + changed + " texts by " + TEMPLATES + " templates per column";
  }

  /**
   * Each text column's texts longer than its (1 - {@code severity}) quantile of lengths (in
   * characters, over present cells) cut to that length, trailing spaces dropped.
   */
  static String truncation(Cells cells, double severity, TreeSet<Long> affected) {
    int changed = 0;
    List<String> limits = new ArrayList<>();
    for (int c : textColumns(cells)) {
      List<Integer> lengths = new ArrayList<>();
      for (int i = 0; i < cells.size; i++) {
        if (!cells.nulls[c][i]) {
          lengths.add(cells.strings[c][i].length());
        }
      }
      if (lengths.isEmpty()) {
        continue;
      }
      lengths.sort(null);
      int limit = Math.max(1, lengths.get((int) Math.floor((1 - severity) * (lengths.size() - 1))));
      limits.add(cells.schema.field(c).name() + " at " + limit);
      for (int i = 0; i < cells.size; i++) {
        String t = cells.strings[c][i];
        if (!cells.nulls[c][i] && t.length() > limit) {
          cells.strings[c][i] = t.substring(0, limit).stripTrailing();
          affected.add(i + 1L);
          changed++;
        }
      }
    }
    return "cut "
        + changed
        + " texts to the column's length quantile "
        + (1 - severity)
        + " ("
        + String.join(", ", limits)
        + " characters)";
  }

  /**
   * The vocabulary of each text column cut to its most frequent words: every occurrence of a word
   * outside the top (1 - {@code severity}) share of the distinct words (at least one) replaced by a
   * kept word drawn with its frequency.
   */
  static String vocabulary(
      Cells cells, double severity, SplittableRandom random, TreeSet<Long> affected) {
    int changed = 0;
    for (int c : textColumns(cells)) {
      Map<String, Integer> freq = new HashMap<>();
      for (int i = 0; i < cells.size; i++) {
        if (!cells.nulls[c][i]) {
          for (String w : TextLengths.tokenise(cells.strings[c][i])) {
            freq.merge(w, 1, Integer::sum);
          }
        }
      }
      List<String> byFrequency = new ArrayList<>(new TreeSet<>(freq.keySet()));
      byFrequency.sort((a, b) -> Integer.compare(freq.get(b), freq.get(a)));
      int keep = Math.max(1, (int) Math.round((1 - severity) * byFrequency.size()));
      List<String> kept = byFrequency.subList(0, keep);
      List<String> draws = new ArrayList<>();
      for (String w : kept) {
        for (int k = 0; k < freq.get(w); k++) {
          draws.add(w);
        }
      }
      java.util.Set<String> keptSet = new java.util.HashSet<>(kept);
      for (int i = 0; i < cells.size; i++) {
        if (cells.nulls[c][i]) {
          continue;
        }
        String[] tokens = TextLengths.tokenise(cells.strings[c][i]);
        boolean touched = false;
        for (int k = 0; k < tokens.length; k++) {
          if (!keptSet.contains(tokens[k])) {
            tokens[k] = draws.get(random.nextInt(draws.size()));
            touched = true;
          }
        }
        if (touched) {
          cells.strings[c][i] = String.join(" ", tokens);
          affected.add(i + 1L);
          changed++;
        }
      }
    }
    return "rewrote "
        + changed
        + " texts with the most frequent "
        + (1 - severity) * 100
        + "% of words";
  }

  /**
   * A share {@code severity} of rows replaced by copies of other rows with one numeric cell (of a
   * column drawn at random among those present and non-zero in the source row) multiplied by 1 ± u,
   * u uniform in [0.1%, {@value #NUDGE}]; integer cells move by at least one unit only when that
   * stays within the bound. The copy differs from its source in that cell alone.
   */
  static String nearCopies(
      Cells cells, double severity, SplittableRandom random, TreeSet<Long> affected) {
    int n = cells.size;
    int[] targets = DefectInjector.pick(n, severity, random);
    int[] sources = DefectInjector.others(n, targets);
    int nudged = 0;
    for (int t : targets) {
      int s = sources[random.nextInt(sources.length)];
      cells.copyRow(cells, s, t);
      List<Integer> movable = new ArrayList<>();
      for (int c = 0; c < cells.width(); c++) {
        if (cells.isNumeric(c) && !cells.nulls[c][t] && cells.numeric(c, t) != 0) {
          boolean integer = cells.longs[c] != null;
          if (!integer || Math.abs(cells.numeric(c, t)) * NUDGE >= 1) {
            movable.add(c);
          }
        }
      }
      if (!movable.isEmpty()) {
        int c = movable.get(random.nextInt(movable.size()));
        double u =
            (0.001 + random.nextDouble() * (NUDGE - 0.001)) * (random.nextBoolean() ? 1 : -1);
        double x = cells.numeric(c, t);
        double y = x * (1 + u);
        if (cells.longs[c] != null && Math.round(y) == Math.round(x)) {
          y = x + Math.signum(u);
        }
        cells.setNumeric(c, t, y);
        nudged++;
      }
      affected.add(t + 1L);
    }
    return "replaced "
        + targets.length
        + " rows with copies of other rows, one number nudged by under 1% in "
        + nudged;
  }
}
