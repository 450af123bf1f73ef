package org.synthos.core.assess.judge;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Identifiers;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.measure.TextMeasures;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Pool;

/**
 * Text columns and identifiers, which the marginal and pairwise judges skip: a text column is not a
 * list of categories and an identifier is neither a category nor a number.
 *
 * <p>Text: lengths against bucket re-splits, over every row from the pass's length states where
 * they serve (as a numeric column's KS statistic); vocabulary fidelity and diversity against the
 * pooled re-split null of the held rows, since their state is the vocabulary itself; repeated and
 * near-duplicate texts against halves of the reference, like duplicate rows (re-splits would
 * inflate their null with the candidate's own repeats). Texts copied from the reference are judged
 * against pooled re-splits instead: texts recur naturally (a car model across model years), and a
 * text that occurs twice lands either inside the reference, where halves of the reference count it,
 * or across the two files, where the observation counts it, so a null from halves of the reference
 * runs against the observation. Re-splits of the pooled rows are exchangeable with it; a
 * candidate's copies enter them too, which leaves about half of an injected copy share as excess.
 * Identifiers: repeats and keys shared with the reference against halves of the reference (where
 * keys are unique both are 0), format drift against re-splits.
 */
final class TextJudge {
  private TextJudge() {}

  static void judge(Judging j) {
    Pool data = j.data;
    Resampling plan = j.plan;
    int splitSize = plan.splitSize;
    double dupScale = splitSize > 1 ? (data.nC - 1.0) / (splitSize - 1.0) : 1;
    double copyScale = (double) data.nR / Math.max(1, data.nR - splitSize);
    for (Pool.Var v : data.vars) {
      if (v.text) {
        text(j, TextColumn.of(v), dupScale);
      }
    }
    for (Pool.Var id : data.identifiers) {
      identifier(j, id, dupScale, copyScale);
    }
  }

  private static void text(Judging j, TextColumn t, double dupScale) {
    Subject column = Subject.of(t.var.name);
    lengthKs(j, column, t.characters, Measure.TEXT_LENGTH_KS, "the length in characters");
    lengthKs(j, column, t.tokens, Measure.TEXT_TOKENS_KS, "the length in tokens");
    j.add(
        Measure.TEXT_JS_DISTANCE,
        column,
        l -> TextMeasures.jensenShannon(t, l),
        "Jensen-Shannon distance (base 2) between the unigram distributions");
    j.add(
        Measure.TEXT_OOV_RATE,
        column,
        l -> TextMeasures.oovRate(t, l),
        "share of candidate tokens the reference never uses");
    j.add(
        Measure.TEXT_DISTINCT_1_DEFICIT,
        column,
        l -> TextMeasures.distinctDeficit(t, 1, l),
        "max(0, 1 - distinct-1 candidate / reference): distinct words per word");
    j.add(
        Measure.TEXT_DISTINCT_2_DEFICIT,
        column,
        l -> TextMeasures.distinctDeficit(t, 2, l),
        "max(0, 1 - distinct-2 candidate / reference): distinct word pairs per word pair");
    j.add(
        Measure.TEXT_COMPRESSION_DEFICIT,
        column,
        l -> TextMeasures.compressionDeficit(t, l),
        "max(0, 1 - zlib ratio candidate / reference) on equal byte budgets: repeated texts and"
            + " templates compress better");
    j.add(
        Measure.TEXT_ENTROPY_DEFICIT,
        column,
        l -> TextMeasures.entropyDeficit(t, l),
        "max(0, 1 - H_candidate / H_reference) of the unigram distribution");
    j.add(
        Measure.TEXT_TOP_SHARE_EXCESS,
        column,
        l -> TextMeasures.topShareExcess(t, l),
        "share of rows taken by the ten most frequent texts, candidate minus reference");
    j.add(
        Measure.TEXT_HEAD_SHARE_EXCESS,
        column,
        l -> TextMeasures.headShareExcess(t, l),
        "share of rows taken by the ten most frequent heads (a text's words but the last),"
            + " candidate minus reference: templates with a varied last word");
    j.add(
        Measure.TEXT_VOCABULARY_COVERAGE_GAP,
        column,
        l -> TextMeasures.coverageGap(t, l),
        "1 - share of the reference's words that the candidate uses");
    int[] exact = t.exactGroupOfRows();
    int[] near = t.nearGroupOfRows();
    ToDoubleFunction<byte[]> repeats = l -> Measures.repeatShare(exact, Measures.present(exact, l));
    j.addSplit(
        Measure.TEXT_REPEAT_SHARE,
        column,
        repeats,
        dupScale,
        "share of candidate texts that repeat an earlier candidate text exactly; null from halves"
            + " of the reference");
    j.addSplit(
        Measure.TEXT_NEAR_DUPLICATE_SHARE,
        column,
        l -> Measures.repeatShare(near, Measures.present(near, l)) - repeats.applyAsDouble(l),
        dupScale,
        "share of candidate texts that nearly (MinHash Jaccard >= 0.8 on character 5-grams) but"
            + " not exactly repeat another; null from halves of the reference");
    j.add(
        Measure.TEXT_REFERENCE_COPY_SHARE,
        column,
        l -> Measures.copyShare(near, Measures.present(near, sides(l))),
        "share of candidate texts equal or MinHash-near to a reference text; null from re-splits"
            + " of the pooled rows");
  }

  /**
   * The KS statistic of a text length, from the pass's length states over every row when they serve
   * (as a numeric column's), else from the held rows; bucket re-splits make its band either way.
   */
  private static void lengthKs(
      Judging j, Subject column, Pool.Var length, Measure measure, String what) {
    Bucketed col = j.bucketed(length);
    j.addBucketed(
        col,
        column,
        List.of(
            new ColumnMeasure(
                measure,
                Marginals::ks,
                "Kolmogorov-Smirnov statistic of "
                    + what
                    + (col.allRows ? ", over every row" : "")
                    + MarginalJudge.over(col))));
  }

  /** A labelling as the duplicate measures read it: 1 for the candidate, 0 for the reference. */
  private static byte[] sides(boolean[] candidate) {
    byte[] out = new byte[candidate.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (candidate[i] ? 1 : 0);
    }
    return out;
  }

  private static void identifier(Judging j, Pool.Var id, double dupScale, double copyScale) {
    Subject column = Subject.of(id.name);
    int[] codes = id.codes;
    j.addSplit(
        Measure.IDENTIFIER_REPEAT_SHARE,
        column,
        l -> Measures.repeatShare(codes, Measures.present(codes, l)),
        dupScale,
        "share of candidate keys that repeat an earlier candidate key; null from halves of the"
            + " reference");
    j.addSplit(
        Measure.IDENTIFIER_LEAK_SHARE,
        column,
        l -> Measures.copyShare(codes, Measures.present(codes, l)),
        copyScale,
        "share of candidate keys present in the reference (leaked keys); null from halves of the"
            + " reference");
    Pool.Var shapes = Identifiers.shapes(id);
    j.add(
        Measure.IDENTIFIER_FORMAT_DRIFT,
        column,
        l -> Measures.tvd(shapes, l),
        "total variation distance between the keys' shapes (character classes and length)");
  }
}
