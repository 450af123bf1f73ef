package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;

/**
 * What the conditional-break, noise-and-outliers, missing-pattern, rare-category-loss and
 * text-truncation defects change, and only that.
 */
@Tag("unit")
class InjectedFamiliesTest {
  private static final ColumnBatch PENGUINS = ExampleData.load("penguins.csv");

  @Test
  void conditionalBreakChangesOnlyRowsOfTheMostFrequentCategoryAndKeepsMarginals() {
    Injection inj = DefectInjector.inject(PENGUINS, null, Defect.CONDITIONAL_BREAK, 1.0, 3);
    String[] species = ((Column.Strings) PENGUINS.column(0)).values();
    assertThat(inj.affectedRows()).isNotEmpty();
    for (long row : inj.affectedRows()) {
      assertThat(species[(int) row - 1]).isEqualTo("Adelie");
    }
    for (int c = 0; c < PENGUINS.schema().size(); c++) {
      assertThat(sortedCells(inj.batch().column(c))).isEqualTo(sortedCells(PENGUINS.column(c)));
    }
    assertThat(inj.description()).contains("Species = 'Adelie'");
  }

  @Test
  void rareCategoryLossRedrawsOnlyCategoriesTheReferenceHolds() {
    // 100 rows: a 60 / b 36 / c 3 / d 1; the reference holds c but not d.
    String[] cand = new String[100];
    for (int i = 0; i < 100; i++) {
      cand[i] = i < 60 ? "a" : i < 96 ? "b" : i < 99 ? "c" : "d";
    }
    String[] ref = new String[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = i < 58 ? "a" : i < 96 ? "b" : "c";
    }
    ColumnBatch c = new Batches().strings("k", cand).build();
    ColumnBatch r = new Batches().strings("k", ref).build();
    Injection inj = DefectInjector.inject(c, r, Defect.RARE_CATEGORY_LOSS, 1.0, 2);
    String[] after = ((Column.Strings) inj.batch().column(0)).values();
    assertThat(inj.affectedRows()).containsExactly(97L, 98L, 99L);
    assertThat(Arrays.asList(after).subList(96, 99)).allMatch(x -> x.equals("a") || x.equals("b"));
    assertThat(after[99]).isEqualTo("d");
    // Without a reference every category below 5% is lost.
    Injection alone = DefectInjector.inject(c, null, Defect.RARE_CATEGORY_LOSS, 1.0, 2);
    assertThat(alone.affectedRows()).containsExactly(97L, 98L, 99L, 100L);
  }

  @Test
  void textTruncationCutsTheTextsLongerThanTheLengthQuantile() {
    // Lengths 1..10 characters; at severity 0.5 the cut is the 0.5 quantile, 5 characters.
    String[] texts = new String[11];
    for (int i = 0; i < 10; i++) {
      texts[i] = "abcd fghij".substring(0, i + 1);
    }
    ColumnBatch c = new Batches().strings("t", org.synthos.api.ColumnType.TEXT, texts).build();
    Injection inj = DefectInjector.inject(c, null, Defect.TEXT_TRUNCATION, 0.5, 1);
    String[] after = ((Column.Strings) inj.batch().column(0)).values();
    // Texts of 6 to 10 characters are cut to 5, "abcd " then loses its trailing space.
    assertThat(inj.affectedRows()).containsExactly(6L, 7L, 8L, 9L, 10L);
    assertThat(Arrays.asList(after).subList(5, 10)).containsOnly("abcd");
    assertThat(Arrays.asList(after).subList(0, 5)).isEqualTo(Arrays.asList(texts).subList(0, 5));
    assertThat(after[10]).isNull();
    assertThat(inj.description()).contains("t at 5");
  }

  @Test
  void noiseWidensNumbersAndAddsOutliersTenSdAway() {
    Injection inj = DefectInjector.inject(PENGUINS, null, Defect.NOISE_OUTLIERS, 1.0, 5);
    int mass = 5;
    double[] before = present(PENGUINS.column(mass));
    double[] after = present(inj.batch().column(mass));
    assertThat(sd(after)).isGreaterThan(1.2 * sd(before));
    double mean = Arrays.stream(before).average().orElseThrow();
    long outliers = Arrays.stream(after).filter(x -> Math.abs(x - mean) > 9 * sd(before)).count();
    assertThat(outliers).isPositive();
  }

  @Test
  void missingPatternNullsAboutTheSeverityShareOfEveryColumn() {
    Injection inj = DefectInjector.inject(PENGUINS, null, Defect.MISSING_PATTERN, 0.3, 9);
    for (int c = 0; c < PENGUINS.schema().size(); c++) {
      double share = nullShare(inj.batch().column(c)) - nullShare(PENGUINS.column(c));
      assertThat(share).isBetween(0.2, 0.4);
    }
  }

  private static double nullShare(Column col) {
    int nulls = 0;
    for (int r = 0; r < col.size(); r++) {
      nulls += col.isNull(r) ? 1 : 0;
    }
    return (double) nulls / col.size();
  }

  private static String[] sortedCells(Column col) {
    String[] out = new String[col.size()];
    for (int r = 0; r < col.size(); r++) {
      out[r] = col.isNull(r) ? "\u0000null" : cell(col, r);
    }
    Arrays.sort(out);
    return out;
  }

  private static String cell(Column col, int r) {
    if (col instanceof Column.Longs l) {
      return Long.toString(l.values()[r]);
    }
    if (col instanceof Column.Doubles d) {
      return Double.toString(d.values()[r]);
    }
    if (col instanceof Column.Booleans b) {
      return Boolean.toString(b.values()[r]);
    }
    return ((Column.Strings) col).values()[r];
  }

  private static double[] present(Column col) {
    double[] out = new double[col.size()];
    int k = 0;
    for (int r = 0; r < col.size(); r++) {
      if (!col.isNull(r)) {
        out[k++] =
            col instanceof Column.Longs l ? l.values()[r] : ((Column.Doubles) col).values()[r];
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static double sd(double[] x) {
    double mean = Arrays.stream(x).average().orElseThrow();
    return Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
  }
}
