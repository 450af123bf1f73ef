package org.synthos.report;

import java.util.List;
import java.util.Locale;

/** Small inline-SVG chart builders; every chart is self-contained markup with no script. */
final class Svg {
  static final String REFERENCE = "#9e9e9e";
  static final String CANDIDATE = "#1e88e5";

  private Svg() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** Paired bars per bin: reference grey, candidate blue; shares in [0, 1]. */
  static String bars(
      String title, List<String> bins, List<Double> ref, List<Double> cand, boolean rotate) {
    int w = 340;
    int h = rotate ? 200 : 170;
    int left = 36;
    int bottom = rotate ? 70 : 40;
    int plotW = w - left - 8;
    int plotH = h - bottom - 20;
    double max = 0;
    for (Double x : ref) {
      max = Math.max(max, x);
    }
    for (Double x : cand) {
      max = Math.max(max, x);
    }
    max = max <= 0 ? 1 : max;
    int n = bins.size();
    StringBuilder sb = open(w, h, title, true);
    sb.append(axis(left, 20, plotW, plotH));
    sb.append("<text x=\"2\" y=\"")
        .append(24)
        .append("\" class=\"ax\">")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * max))
        .append("</text>");
    double slot = n == 0 ? plotW : (double) plotW / n;
    for (int i = 0; i < n; i++) {
      double x0 = left + i * slot;
      double bw = Math.max(1, slot / 2 - 1);
      if (i < ref.size()) {
        double bh = plotH * ref.get(i) / max;
        sb.append(
            rect(
                x0 + 0.5,
                20 + plotH - bh,
                bw,
                bh,
                REFERENCE,
                bins.get(i) + ": reference " + pct(ref.get(i))));
      }
      if (i < cand.size()) {
        double bh = plotH * cand.get(i) / max;
        sb.append(
            rect(
                x0 + 0.5 + bw,
                20 + plotH - bh,
                bw,
                bh,
                CANDIDATE,
                bins.get(i) + ": candidate " + pct(cand.get(i))));
      }
      boolean label = rotate || i == 0 || i == n - 1 || i == n / 2;
      if (label) {
        double lx = x0 + slot / 2;
        double ly = 20 + plotH + 12;
        sb.append("<text class=\"ax\" x=\"")
            .append(f(lx))
            .append("\" y=\"")
            .append(f(ly))
            .append('"');
        if (rotate) {
          sb.append(" text-anchor=\"end\" transform=\"rotate(-40 ")
              .append(f(lx))
              .append(' ')
              .append(f(ly))
              .append(")\"");
        } else {
          sb.append(" text-anchor=\"middle\"");
        }
        sb.append('>').append(esc(clip(bins.get(i), 14))).append("</text>");
      }
    }
    return sb.append("</svg>").toString();
  }

  /**
   * An svg element with a hover title and, when {@code caption}, the title written at the top left.
   */
  static StringBuilder open(int w, int h, String title, boolean caption) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" role=\"img\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\"><title>")
        .append(esc(title))
        .append("</title>");
    if (caption) {
      sb.append("<text x=\"4\" y=\"13\" class=\"ct\">")
          .append(esc(clip(title, 44)))
          .append("</text>");
    }
    return sb;
  }

  static String pct(double x) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }

  static String rect(double x, double y, double w, double h, String fill, String tip) {
    return "<rect x=\""
        + f(x)
        + "\" y=\""
        + f(y)
        + "\" width=\""
        + f(w)
        + "\" height=\""
        + f(Math.max(0, h))
        + "\" fill=\""
        + fill
        + "\"><title>"
        + esc(tip)
        + "</title></rect>";
  }

  static String axis(int x, int y, int w, int h) {
    return "<line x1=\""
        + x
        + "\" y1=\""
        + (y + h)
        + "\" x2=\""
        + (x + w)
        + "\" y2=\""
        + (y + h)
        + "\" class=\"axis\"/><line x1=\""
        + x
        + "\" y1=\""
        + y
        + "\" x2=\""
        + x
        + "\" y2=\""
        + (y + h)
        + "\" class=\"axis\"/>";
  }

  /** Quantile curves of the outer tails: x = probability, y = value. */
  static String tails(String title, List<Double> probs, List<Double> ref, List<Double> cand) {
    int w = 340;
    int h = 190;
    int left = 56;
    int top = 20;
    int plotW = w - left - 10;
    int plotH = h - top - 40;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<Double> s : List.of(ref, cand)) {
      for (Double v : s) {
        if (v != null && !v.isNaN()) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    StringBuilder sb = open(w, h, title, true);
    sb.append(axis(left, top, plotW, plotH));
    sb.append("<text class=\"ax\" x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + 8)
        .append("\" text-anchor=\"end\">")
        .append(esc(num(hi)))
        .append("</text>");
    sb.append("<text class=\"ax\" x=\"")
        .append(left - 4)
        .append("\" y=\"")
        .append(top + plotH)
        .append("\" text-anchor=\"end\">")
        .append(esc(num(lo)))
        .append("</text>");
    int n = probs.size();
    for (int i = 0; i < n; i++) {
      double x = left + (n == 1 ? plotW / 2.0 : (double) i * plotW / (n - 1));
      sb.append("<text class=\"ax\" text-anchor=\"middle\" x=\"")
          .append(f(x))
          .append("\" y=\"")
          .append(top + plotH + 14)
          .append("\">")
          .append(esc(trimProb(probs.get(i))))
          .append("</text>");
    }
    sb.append(line(ref, n, left, top, plotW, plotH, lo, hi, REFERENCE, "4 3", "reference"));
    sb.append(line(cand, n, left, top, plotW, plotH, lo, hi, CANDIDATE, null, "candidate"));
    sb.append("<text class=\"ax\" x=\"")
        .append(left)
        .append("\" y=\"")
        .append(h - 6)
        .append("\">quantile probability</text>");
    return sb.append("</svg>").toString();
  }

  private static String trimProb(double p) {
    String s = String.format(Locale.ROOT, "%.3f", p);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  static String num(double v) {
    if (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-2 && v != 0)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String line(
      List<Double> s,
      int n,
      int left,
      int top,
      int plotW,
      int plotH,
      double lo,
      double hi,
      String colour,
      String dash,
      String who) {
    if (s.isEmpty()) {
      return "";
    }
    StringBuilder pts = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < s.size() && i < n; i++) {
      Double v = s.get(i);
      if (v == null || v.isNaN()) {
        continue;
      }
      double x = left + (n == 1 ? plotW / 2.0 : (double) i * plotW / (n - 1));
      double y = top + plotH - plotH * (v - lo) / (hi - lo);
      pts.append(f(x)).append(',').append(f(y)).append(' ');
      dots.append("<circle cx=\"")
          .append(f(x))
          .append("\" cy=\"")
          .append(f(y))
          .append("\" r=\"2.5\" fill=\"")
          .append(colour)
          .append("\"><title>")
          .append(esc(who + ": " + num(v)))
          .append("</title></circle>");
    }
    return "<polyline fill=\"none\" stroke=\""
        + colour
        + "\" stroke-width=\"2\""
        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
        + " points=\""
        + pts.toString().trim()
        + "\"/>"
        + dots;
  }

  /** Diverging heatmap of candidate - reference association, blue negative, red positive. */
  static String heatmap(List<String> names, List<List<Double>> diff) {
    int n = names.size();
    int cell = n > 14 ? 18 : 26;
    int margin = 120;
    int w = Math.max(margin + n * cell + 10, margin + 200);
    int h = margin + n * cell + 40;
    StringBuilder sb = open(w, h, "Association difference, candidate minus reference", false);
    for (int i = 0; i < n; i++) {
      double y = margin + i * cell + cell * 0.7;
      sb.append("<text class=\"ax\" text-anchor=\"end\" x=\"")
          .append(margin - 4)
          .append("\" y=\"")
          .append(f(y))
          .append("\">")
          .append(esc(clip(names.get(i), 18)))
          .append("</text>");
      double x = margin + i * cell + cell * 0.6;
      sb.append("<text class=\"ax\" x=\"")
          .append(f(x))
          .append("\" y=\"")
          .append(margin - 4)
          .append("\" transform=\"rotate(-50 ")
          .append(f(x))
          .append(' ')
          .append(margin - 4)
          .append(")\">")
          .append(esc(clip(names.get(i), 18)))
          .append("</text>");
      for (int j = 0; j < n; j++) {
        Double d = diff.get(i).get(j);
        String tip =
            names.get(i)
                + " ~ "
                + names.get(j)
                + ": "
                + (d == null || d.isNaN() ? "n/a" : String.format(Locale.ROOT, "%+.3f", d));
        sb.append(
            rect(margin + j * cell, margin + i * cell, cell - 1, cell - 1, diverging(d), tip));
      }
    }
    int ly = margin + n * cell + 14;
    for (int k = 0; k <= 10; k++) {
      double v = -1 + k * 0.2;
      sb.append(
          rect(margin + k * 16, ly, 15, 10, diverging(v), String.format(Locale.ROOT, "%+.1f", v)));
    }
    sb.append("<text class=\"ax\" x=\"")
        .append(margin)
        .append("\" y=\"")
        .append(ly + 24)
        .append("\">-1 (weaker)</text>");
    sb.append("<text class=\"ax\" x=\"")
        .append(margin + 176)
        .append("\" y=\"")
        .append(ly + 24)
        .append("\" text-anchor=\"end\">+1 (stronger)</text>");
    return sb.append("</svg>").toString();
  }

  static String diverging(Double d) {
    if (d == null || d.isNaN()) {
      return "#e0e0e0";
    }
    double t = Math.max(-1, Math.min(1, d));
    int r;
    int g;
    int b;
    if (t >= 0) {
      r = 255;
      g = (int) Math.round(255 - 180 * t);
      b = (int) Math.round(255 - 200 * t);
    } else {
      r = (int) Math.round(255 + 200 * t);
      g = (int) Math.round(255 + 120 * t);
      b = 255;
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
