package org.synthos.core.assess.judge;

import java.util.function.ToDoubleFunction;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.measure.Marginals;

/**
 * A measure of a column's two sides, for {@link Judging#addBucketed}. A deficit max(0, g) gives its
 * signed gap g as {@code f} and {@code deficit} true, so that its band comes from the gap ({@link
 * Bands#ofDeficit}).
 */
record ColumnMeasure(
    Measure measure,
    ToDoubleFunction<Marginals.Sides> f,
    boolean deficit,
    CollapseType cause,
    String detail) {
  ColumnMeasure(Measure measure, ToDoubleFunction<Marginals.Sides> f, String detail) {
    this(measure, f, false, measure.cause(), detail);
  }

  /** The deficit max(0, gap) with its band from the signed gap's re-splits. */
  static ColumnMeasure deficit(
      Measure measure, ToDoubleFunction<Marginals.Sides> gap, String detail) {
    return new ColumnMeasure(measure, gap, true, measure.cause(), detail);
  }

  double value(Marginals.Sides s) {
    double x = f.applyAsDouble(s);
    return deficit ? Bands.deficit(x) : x;
  }
}
