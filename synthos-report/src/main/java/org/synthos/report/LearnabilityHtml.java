package org.synthos.report;

import static org.synthos.report.Svg.esc;
import static org.synthos.report.Svg.f;
import static org.synthos.report.Svg.num;

import java.util.Locale;
import org.synthos.core.assess.Learnability;

/**
 * The HTML report's learnability section: per target, the models trained on the candidate beside
 * the same model trained on real rows, and a learning-curve chart (held-out loss against training
 * size on a log scale, each tier's fitted curve carried to the size predicted for, with its 90%
 * interval).
 */
final class LearnabilityHtml {
  private static final String[] TIER_COLOURS = {"#8e24aa", "#1e88e5", "#00897b"};
  private static final int W = 520;
  private static final int H = 260;
  private static final int LEFT = 60;
  private static final int TOP = 24;
  private static final int PLOT_W = W - LEFT - 20;
  private static final int PLOT_H = H - TOP - 50;

  private LearnabilityHtml() {}

  static void section(StringBuilder sb, Learnability l) {
    sb.append("<section id=\"learnability\"><h2>Learnability</h2>");
    if (l.notApplicable() != null) {
      sb.append("<p class=\"na\">Not judged: ").append(esc(l.notApplicable())).append("</p>");
      sb.append("</section>\n");
      return;
    }
    sb.append("<p>Models trained on the candidate and tested on held-out reference rows (train")
        .append(" synthetic, test real) beside the same model trained on as many reference rows")
        .append(" (train real, test real); predictions at ")
        .append(String.format(Locale.ROOT, "%,d", l.predictAt()))
        .append(" training rows. Trained on ")
        .append(esc(l.device()))
        .append(".</p>");
    for (Learnability.Target t : l.targets()) {
      target(sb, t);
    }
    sb.append("</section>\n");
  }

  private static void target(StringBuilder sb, Learnability.Target t) {
    sb.append("<h3>").append(esc(t.column())).append(" <small>(").append(t.task().key());
    sb.append(")</small></h3><p><small>").append(esc(t.chosenBy())).append("</small></p>");
    if (t.skipped() != null) {
      sb.append("<p class=\"na\">Not judged: ").append(esc(t.skipped())).append("</p>");
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<p>%s at %,d training rows: trained on the candidate <b>%.4f</b>, trained on real"
                + " rows <b>%.4f</b> (tested on %,d held-out reference rows).</p>",
            esc(t.metric()),
            t.trainRows(),
            t.tstr(),
            t.trtr(),
            t.testRows()));
    sb.append("<div class=\"grid\">").append(chart(t)).append("</div>");
    sb.append("<table><tr><th>Model</th><th>Curve</th><th>Predicted ")
        .append(esc(t.curves().isEmpty() ? "loss" : t.curves().get(0).lossName()))
        .append(" (90% interval)</th><th>Check: largest size predicted from the smaller</th>")
        .append("<th>Notes</th></tr>");
    for (Learnability.Curve c : t.curves()) {
      sb.append("<tr><td>").append(esc(c.model())).append("</td>");
      Learnability.CurveFit fit = c.fit();
      if (c.skipped() != null || fit == null) {
        sb.append("<td colspan=\"4\" class=\"na\">")
            .append(esc(c.skipped() != null ? c.skipped() : "too few training sizes to fit"))
            .append("</td></tr>");
        continue;
      }
      if (fit.family() == null) {
        sb.append("<td colspan=\"4\" class=\"na\">").append(esc(fit.unreliable()));
        sb.append("</td></tr>");
        continue;
      }
      sb.append("<td>").append(esc(fit.family())).append("</td><td>");
      sb.append(esc(num(fit.predicted()))).append(" (").append(esc(num(fit.lower())));
      sb.append(" &ndash; ").append(esc(num(fit.upper()))).append(")</td><td>");
      sb.append(
          String.format(
              Locale.ROOT,
              "observed %s, predicted %s (%s &ndash; %s): %s",
              esc(num(fit.heldOutObserved())),
              esc(num(fit.heldOutPredicted())),
              esc(num(fit.heldOutLower())),
              esc(num(fit.heldOutUpper())),
              fit.heldOutWithin() ? "within" : "outside"));
      sb.append("</td><td>");
      if (!fit.reliable()) {
        sb.append("<span class=\"warn\">unreliable: ").append(esc(fit.unreliable()));
        sb.append("</span> ");
      }
      if (fit.flattened()) {
        sb.append("flattened: more of this data will not help");
      }
      sb.append("</td></tr>");
    }
    sb.append("</table>");
  }

  /** Held-out loss against training size (log scale) for every tier trained. */
  static String chart(Learnability.Target t) {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Learnability.Curve c : t.curves()) {
      for (int k = 0; k < c.sizes().length; k++) {
        xMin = Math.min(xMin, c.sizes()[k]);
        xMax = Math.max(xMax, c.sizes()[k]);
        for (double y : new double[] {c.tstrLoss()[k], c.trtrLoss()[k]}) {
          if (Double.isFinite(y)) {
            yMin = Math.min(yMin, y);
            yMax = Math.max(yMax, y);
          }
        }
      }
      Learnability.CurveFit fit = c.fit();
      if (fit != null && fit.family() != null && fit.reliable()) {
        xMax = Math.max(xMax, fit.predictAt());
        for (double y : new double[] {fit.lower(), fit.upper()}) {
          if (Double.isFinite(y)) {
            yMin = Math.min(yMin, y);
            yMax = Math.max(yMax, y);
          }
        }
      }
    }
    StringBuilder sb = Svg.open(W, H, "Learning curves: " + t.column(), true);
    if (!(xMax > xMin) || !(yMax >= yMin)) {
      return sb.append("</svg>").toString();
    }
    if (yMax == yMin) {
      yMax = yMin + 1;
    }
    double pad = 0.05 * (yMax - yMin);
    Scale s = new Scale(Math.log(xMin), Math.log(xMax), yMin - pad, yMax + pad);
    sb.append(Svg.axis(LEFT, TOP, PLOT_W, PLOT_H));
    label(sb, LEFT - 4, TOP + 8, "end", num(s.yHi));
    label(sb, LEFT - 4, TOP + PLOT_H, "end", num(s.yLo));
    label(sb, LEFT, TOP + PLOT_H + 14, "start", String.format(Locale.ROOT, "%,.0f", xMin));
    label(sb, LEFT + PLOT_W, TOP + PLOT_H + 14, "end", String.format(Locale.ROOT, "%,.0f", xMax));
    label(sb, LEFT + PLOT_W / 2, H - 22, "middle", "training rows (log scale)");
    String lossName = t.curves().isEmpty() ? "loss" : t.curves().get(0).lossName();
    sb.append("<text class=\"ax\" transform=\"translate(12,")
        .append(TOP + PLOT_H / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">held-out ")
        .append(esc(lossName))
        .append("</text>");
    int legendX = LEFT;
    for (int i = 0; i < t.curves().size(); i++) {
      Learnability.Curve c = t.curves().get(i);
      String colour = TIER_COLOURS[i % TIER_COLOURS.length];
      points(sb, s, c.sizes(), c.tstrLoss(), colour, null, c.tier() + " trained on the candidate");
      points(
          sb, s, c.sizes(), c.trtrLoss(), Svg.REFERENCE, "4 3", c.tier() + " trained on real rows");
      fitted(sb, s, c, colour);
      sb.append("<rect x=\"").append(legendX).append("\" y=\"").append(H - 12);
      sb.append("\" width=\"10\" height=\"10\" fill=\"").append(colour).append("\"/>");
      label(sb, legendX + 14, H - 3, "start", c.tier());
      legendX += 90;
    }
    sb.append("<line x1=\"").append(legendX).append("\" y1=\"").append(H - 7);
    sb.append("\" x2=\"").append(legendX + 16).append("\" y2=\"").append(H - 7);
    sb.append("\" stroke=\"").append(Svg.REFERENCE).append("\" stroke-dasharray=\"4 3\"/>");
    label(sb, legendX + 20, H - 3, "start", "trained on real rows");
    return sb.append("</svg>").toString();
  }

  private record Scale(double xLo, double xHi, double yLo, double yHi) {
    double x(double n) {
      return LEFT + PLOT_W * (Math.log(n) - xLo) / (xHi - xLo);
    }

    double y(double v) {
      return TOP + PLOT_H - PLOT_H * (v - yLo) / (yHi - yLo);
    }
  }

  private static void points(
      StringBuilder sb,
      Scale s,
      int[] sizes,
      double[] loss,
      String colour,
      String dash,
      String who) {
    StringBuilder pts = new StringBuilder();
    for (int k = 0; k < sizes.length; k++) {
      if (!Double.isFinite(loss[k])) {
        continue;
      }
      double x = s.x(sizes[k]);
      double y = s.y(loss[k]);
      pts.append(f(x)).append(',').append(f(y)).append(' ');
      sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y));
      sb.append("\" r=\"3\" fill=\"").append(colour).append("\"><title>");
      sb.append(esc(who + ", " + sizes[k] + " rows: " + num(loss[k]))).append("</title></circle>");
    }
    if (pts.length() > 0 && dash != null) {
      sb.append("<polyline fill=\"none\" stroke=\"").append(colour);
      sb.append("\" stroke-dasharray=\"").append(dash).append("\" points=\"");
      sb.append(pts.toString().trim()).append("\"/>");
    }
  }

  /** The fitted curve from the smallest size to the size predicted for, and its interval. */
  private static void fitted(StringBuilder sb, Scale s, Learnability.Curve c, String colour) {
    Learnability.CurveFit fit = c.fit();
    if (fit == null || fit.family() == null || c.sizes().length == 0) {
      return;
    }
    double to = fit.reliable() ? fit.predictAt() : fit.referenceSize();
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < fit.curveSizes().length; i++) {
      double n = fit.curveSizes()[i];
      double y = fit.curveLoss()[i];
      if (n <= to * (1 + 1e-9) && Double.isFinite(y)) {
        pts.append(f(s.x(n))).append(',').append(f(s.y(y))).append(' ');
      }
    }
    sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour);
    sb.append("\" points=\"").append(pts.toString().trim()).append("\"><title>");
    sb.append(esc(c.tier() + " fitted " + fit.family() + ": " + fit.formula()));
    sb.append("</title></polyline>");
    if (fit.reliable() && Double.isFinite(fit.lower()) && Double.isFinite(fit.upper())) {
      double x = s.x(fit.predictAt());
      sb.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x));
      sb.append("\" y1=\"").append(f(s.y(fit.lower()))).append("\" y2=\"");
      sb.append(f(s.y(fit.upper()))).append("\" stroke=\"").append(colour);
      sb.append("\" stroke-width=\"3\"><title>");
      sb.append(
          esc(
              String.format(
                  Locale.ROOT,
                  "%s predicted at %,d rows: %s (90%%: %s to %s)",
                  c.tier(),
                  fit.predictAt(),
                  num(fit.predicted()),
                  num(fit.lower()),
                  num(fit.upper()))));
      sb.append("</title></line>");
    }
  }

  private static void label(StringBuilder sb, double x, double y, String anchor, String text) {
    sb.append("<text class=\"ax\" x=\"").append(f(x)).append("\" y=\"").append(f(y));
    sb.append("\" text-anchor=\"").append(anchor).append("\">").append(esc(text)).append("</text>");
  }
}
