package org.synthos.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;
import org.synthos.core.assess.ColumnTreatment;
import org.synthos.core.profile.ColumnSummary;
import org.synthos.core.state.ValueCount;
import org.synthos.io.DetectedFormat;

/** Renders a profile as an aligned table for people or as JSON for programs. */
final class ProfileRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProfileRenderer() {}

  static String text(
      String file,
      DetectedFormat detected,
      ProfileCommand.ProfileResult result,
      List<ColumnSummary> columns) {
    StringBuilder sb = new StringBuilder();
    long invalid = columns.stream().mapToLong(ColumnSummary::invalid).sum();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %s, %,d rows, %d columns, %,d invalid cells (%.2f s)%n%n",
            file,
            describe(detected),
            result.profile().rows(),
            columns.size(),
            invalid,
            result.seconds()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"column", "type", "why", "nulls", "invalid", "distinct", "summary"});
    for (ColumnSummary c : columns) {
      rows.add(
          new String[] {
            c.name(),
            c.type().label(),
            reason(result, c.name()).key(),
            count(c.nulls()),
            count(c.invalid()),
            distinct(c.distinct()),
            summary(c)
          });
    }
    int[] width = new int[7];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        boolean right = i >= 3 && i <= 5;
        String cell = right ? pad(r[i], width[i], true) : pad(r[i], width[i], false);
        sb.append(i == r.length - 1 ? r[i] : cell + "  ");
      }
      sb.append(System.lineSeparator());
    }
    List<ColumnSummary> numeric =
        columns.stream().filter(c -> c.numeric().isPresent() && c.datetime().isEmpty()).toList();
    if (!numeric.isEmpty()) {
      sb.append(System.lineSeparator()).append("quantiles").append(System.lineSeparator());
      for (ColumnSummary c : numeric) {
        ColumnSummary.Quantiles q = c.numeric().get().quantiles();
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s  p01 %s  p05 %s  p25 %s  p50 %s  p75 %s  p95 %s  p99 %s%n",
                pad(c.name(), width[0], false),
                num(q.p01()),
                num(q.p05()),
                num(q.p25()),
                num(q.p50()),
                num(q.p75()),
                num(q.p95()),
                num(q.p99())));
      }
    }
    return sb.toString();
  }

  /** Why the column has its type, from the profiled schema. */
  private static TypeReason reason(ProfileCommand.ProfileResult result, String column) {
    Schema schema = result.profile().schema();
    return schema.field(schema.indexOf(column).orElseThrow()).reason();
  }

  static String json(
      String file,
      DetectedFormat detected,
      ProfileCommand.ProfileResult result,
      List<ColumnSummary> columns) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("file", file);
    root.put("format", detected.format().name().toLowerCase(Locale.ROOT));
    root.put("compression", detected.compression().name().toLowerCase(Locale.ROOT));
    root.put("rows", result.profile().rows());
    root.put("bytes", result.stats().totalBytes());
    ArrayNode cols = root.putArray("columns");
    for (ColumnSummary c : columns) {
      ObjectNode n = cols.addObject();
      n.put("name", c.name());
      n.put("type", c.type().label());
      n.put("reason", reason(result, c.name()).key());
      n.put("treated_as", ColumnTreatment.of(c.type()).key());
      n.put("rows", c.rows());
      n.put("nulls", c.nulls());
      n.put("invalid", c.invalid());
      ObjectNode d = n.putObject("distinct");
      d.put("estimate", c.distinct().estimate());
      d.put("lower", c.distinct().lower());
      d.put("upper", c.distinct().upper());
      d.put("exact", c.distinct().exact());
      c.numeric()
          .ifPresent(
              m -> {
                ObjectNode o = n.putObject("numeric");
                o.put("count", m.count());
                putFinite(o, "min", m.min());
                putFinite(o, "max", m.max());
                putFinite(o, "mean", m.mean());
                putOptional(o, "std", m.std());
                putOptional(o, "skewness", m.skewness());
                putOptional(o, "excess_kurtosis", m.excessKurtosis());
                ObjectNode q = o.putObject("quantiles");
                putFinite(q, "p01", m.quantiles().p01());
                putFinite(q, "p05", m.quantiles().p05());
                putFinite(q, "p25", m.quantiles().p25());
                putFinite(q, "p50", m.quantiles().p50());
                putFinite(q, "p75", m.quantiles().p75());
                putFinite(q, "p95", m.quantiles().p95());
                putFinite(q, "p99", m.quantiles().p99());
                o.put("quantile_rank_error", m.quantileRankError());
                o.put("nan", m.nanCount());
                o.put("positive_infinity", m.positiveInfinityCount());
                o.put("negative_infinity", m.negativeInfinityCount());
              });
      c.categories()
          .ifPresent(
              k -> {
                ObjectNode o = n.putObject("categories");
                o.put("total", k.total());
                o.put("approximate", k.approximate());
                o.put("max_error", k.maxError());
                ArrayNode top = o.putArray("top");
                for (ValueCount v : k.top()) {
                  top.addObject().put("value", v.value()).put("count", v.count());
                }
              });
      c.text()
          .ifPresent(
              t -> {
                ObjectNode o = n.putObject("text");
                o.put("count", t.count());
                o.put("min_length", t.minLength());
                o.put("mean_length", t.meanLength());
                o.put("max_length", t.maxLength());
                o.put("mean_tokens", t.meanTokens());
                o.put("max_tokens", t.maxTokens());
              });
      c.datetime()
          .ifPresent(
              t -> {
                ObjectNode o = n.putObject("datetime");
                o.put("min", t.min().toString());
                o.put("max", t.max().toString());
                o.put("granularity", t.granularity().name().toLowerCase(Locale.ROOT));
              });
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "could not write JSON: " + e.getMessage());
    }
  }

  private static String describe(DetectedFormat d) {
    String f = d.format().name().toLowerCase(Locale.ROOT);
    return switch (d.compression()) {
      case NONE -> f;
      case GZIP -> f + " (gzip)";
      case ZSTD -> f + " (zstd)";
    };
  }

  private static String summary(ColumnSummary c) {
    if (c.datetime().isPresent()) {
      ColumnSummary.Datetime t = c.datetime().get();
      return instant(t.min())
          + " .. "
          + instant(t.max())
          + " (by "
          + t.granularity().name().toLowerCase(Locale.ROOT)
          + ")";
    }
    if (c.numeric().isPresent()) {
      ColumnSummary.Numeric m = c.numeric().get();
      if (m.count() == 0) {
        return "no finite values";
      }
      return "min "
          + num(m.min())
          + "  mean "
          + num(m.mean())
          + (m.std().isPresent() ? "  std " + num(m.std().getAsDouble()) : "")
          + "  median "
          + num(m.quantiles().p50())
          + "  max "
          + num(m.max());
    }
    if (c.text().isPresent()
        && (c.type() == ColumnType.TEXT || c.type() == ColumnType.IDENTIFIER)) {
      ColumnSummary.Text t = c.text().get();
      return String.format(
          Locale.ROOT,
          "length %.0f..%.0f (mean %.1f), %.1f tokens on average",
          t.minLength(),
          t.maxLength(),
          t.meanLength(),
          t.meanTokens());
    }
    if (c.categories().isPresent()) {
      ColumnSummary.Categories k = c.categories().get();
      StringBuilder sb = new StringBuilder();
      for (ValueCount v : k.top()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(v.value())
            .append(' ')
            .append(
                String.format(
                    Locale.ROOT, "%.1f%%", k.total() == 0 ? 0.0 : 100.0 * v.count() / k.total()));
      }
      return sb.length() == 0 ? "no values" : sb.toString();
    }
    return "";
  }

  private static String instant(Instant i) {
    String s = i.toString();
    return s.endsWith("T00:00:00Z") ? s.substring(0, s.length() - "T00:00:00Z".length()) : s;
  }

  private static String distinct(ColumnSummary.Distinct d) {
    return d.exact() ? count(Math.round(d.estimate())) : "~" + count(Math.round(d.estimate()));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e7 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }

  private static void putFinite(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static void putOptional(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      o.put(key, v.getAsDouble());
    } else {
      o.putNull(key);
    }
  }
}
