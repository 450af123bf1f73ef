package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine this build offers: ingest and profile. Stages: {@code profiling} (one streaming pass
 * over the dataset), {@code reference_profiling} when a reference is given, and {@code
 * recommendations} derived from the profile alone. Collapse detection, localization and the
 * training decision need the assessment engine; the report states that as not applicable rather
 * than inventing scores.
 *
 * <p>Per column it computes: count, missing, numeric count, mean and sample standard deviation
 * (Welford's online update: Welford 1962, Technometrics 4(3)), min, max, and the exact distinct
 * count with Shannon entropy {@code H = -sum p_i log2 p_i} of the value frequencies while the
 * distinct values number at most {@link #DISTINCT_CAP}; beyond that only a lower bound is known.
 */
final class ProfileRunner implements ValidationRunner {
  static final int DISTINCT_CAP = 10_000;
  private static final int CHECK_EVERY = 2048;
  static final String NO_ASSESSMENT =
      "collapse detection, problem localization and the training decision need the assessment"
          + " engine, which this build does not include yet";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public ObjectNode run(Inputs inputs, ProgressSink progress) {
    long start = System.nanoTime();
    Instant created = Instant.now();
    boolean withReference = inputs.reference().isPresent();
    double share = withReference ? 45 : 90;
    Profile data =
        profile(inputs.dataset(), inputs.request().datasetUri(), "profiling", 5, share, progress);
    progress.stageDone("profiling", data.toJson());
    ObjectNode stages = JSON.createObjectNode();
    stages.set("profiling", data.toJson());
    if (withReference) {
      Profile ref =
          profile(
              inputs.reference().get(),
              inputs.request().referenceUri().orElse("reference"),
              "reference_profiling",
              50,
              45,
              progress);
      progress.stageDone("reference_profiling", ref.toJson());
      stages.set("reference_profiling", ref.toJson());
    }
    progress.progress("recommendations", 96, data.rows);
    ObjectNode recommendations = recommendations(data);
    progress.stageDone("recommendations", recommendations);
    stages.set("recommendations", recommendations);

    ObjectNode report = JSON.createObjectNode();
    report.put("validation_id", inputs.validationId());
    report.put("dataset_id", inputs.datasetId());
    report.put("job_id", inputs.jobId());
    report.put("status", "completed");
    report.put("created_at", created.toString());
    report.put("completed_at", Instant.now().toString());
    ObjectNode results = report.putObject("results");
    results.put("rows", data.rows);
    results.put("columns", data.names.size());
    results.putObject("assessment").put("not_applicable", NO_ASSESSMENT);
    ObjectNode internal = report.putObject("internal");
    internal.put("dataset_uri", inputs.request().datasetUri());
    internal.put("dataset_format", inputs.request().datasetFormat());
    internal.put("total_rows", data.rows);
    internal.put("total_time_seconds", (System.nanoTime() - start) / 1e9);
    internal.set("stages", stages);
    return report;
  }

  @Override
  public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
    return switch (phase) {
      case DIVERSITY -> {
        Profile p =
            profile(inputs.dataset(), inputs.request().datasetUri(), "profiling", 0, 100, progress);
        yield new PhaseResult.Ok(p.diversity());
      }
      case RECOMMENDATIONS -> {
        Profile p =
            profile(inputs.dataset(), inputs.request().datasetUri(), "profiling", 0, 100, progress);
        yield new PhaseResult.Ok(recommendations(p));
      }
      case COLLAPSE, LOCALIZATION ->
          new PhaseResult.NotApplicable(
              inputs.reference().isEmpty() && phase == Phase.COLLAPSE
                  ? "collapse detection compares the dataset with reference data; none was given,"
                      + " and "
                      + NO_ASSESSMENT
                  : NO_ASSESSMENT);
    };
  }

  /** One pass over a file; progress runs from {@code from} to {@code from + span} percent. */
  private static Profile profile(
      Path file, String label, String stage, double from, double span, ProgressSink progress) {
    long size;
    try {
      size = Math.max(1, Files.size(file));
    } catch (IOException e) {
      throw LocalStorage.classify(e, label);
    }
    progress.progress(stage, from, 0);
    try (TextTableReader reader = new TextTableReader(file, label)) {
      List<ColumnStats> columns = new ArrayList<>();
      String[] row;
      while ((row = reader.next()) != null) {
        List<String> names = reader.header();
        while (columns.size() < names.size()) {
          columns.add(new ColumnStats());
        }
        for (int i = 0; i < row.length; i++) {
          columns.get(i).add(row[i]);
        }
        // Missing JSON keys count as missing values.
        for (int i = row.length; i < columns.size(); i++) {
          columns.get(i).add(null);
        }
        if (reader.rowsRead() % CHECK_EVERY == 0) {
          progress.checkpoint();
          double done = Math.min(1.0, (double) reader.bytesRead() / size);
          progress.progress(stage, from + span * done, reader.rowsRead());
        }
      }
      long rows = reader.rowsRead();
      if (rows == 0) {
        throw new org.synthos.api.SynthosException(
            org.synthos.api.ErrorCode.NO_DATA_ROWS,
            "the file has a header but no data rows",
            org.synthos.api.Location.ofFile(label));
      }
      // JSON Lines rows seen before a key first appeared lacked it.
      List<String> names = List.copyOf(reader.header());
      while (columns.size() < names.size()) {
        columns.add(new ColumnStats());
      }
      for (ColumnStats c : columns) {
        c.missing += rows - c.count - c.missing;
      }
      progress.progress(stage, from + span, rows);
      return new Profile(label, rows, names, columns);
    } catch (IOException e) {
      throw LocalStorage.classify(e, label);
    }
  }

  private static ObjectNode recommendations(Profile p) {
    ArrayNode items = JSON.createArrayNode();
    for (int i = 0; i < p.names.size(); i++) {
      ColumnStats c = p.columns.get(i);
      String name = p.names.get(i);
      double missingShare = (double) c.missing / p.rows;
      if (c.count == 0) {
        items.add(item(name, "drop_column", "every value is missing", 1));
      } else if (c.exact() && c.distinct.size() == 1) {
        items.add(item(name, "drop_column", "the column holds a single value", 2));
      } else if (missingShare > 0.5) {
        items.add(
            item(
                name,
                "impute_or_drop",
                String.format(
                    java.util.Locale.ROOT, "%.1f%% of values are missing", 100 * missingShare),
                2));
      } else if (c.exact() && c.numeric < c.count && c.distinct.size() == c.count && c.count > 1) {
        items.add(
            item(
                name,
                "treat_as_identifier",
                "every value is unique; exclude it from distribution comparisons",
                3));
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("count", items.size());
    out.put("basis", "profile");
    out.set("items", items);
    return out;
  }

  private static ObjectNode item(String column, String action, String why, int priority) {
    ObjectNode n = JSON.createObjectNode();
    n.put("column", column);
    n.put("action", action);
    n.put("description", why);
    n.put("priority", priority);
    return n;
  }

  /** A finished profile of one file. */
  private record Profile(String label, long rows, List<String> names, List<ColumnStats> columns) {
    ObjectNode toJson() {
      ObjectNode out = JSON.createObjectNode();
      out.put("uri", label);
      out.put("rows", rows);
      ArrayNode cols = out.putArray("columns");
      for (int i = 0; i < names.size(); i++) {
        ObjectNode c = columns.get(i).toJson();
        c.put("name", names.get(i));
        cols.add(c);
      }
      return out;
    }

    ObjectNode diversity() {
      ObjectNode out = JSON.createObjectNode();
      out.put("uri", label);
      out.put("rows", rows);
      ArrayNode cols = out.putArray("columns");
      for (int i = 0; i < names.size(); i++) {
        ColumnStats s = columns.get(i);
        ObjectNode c = cols.addObject();
        c.put("name", names.get(i));
        if (!s.exact()) {
          c.put("distinct_at_least", DISTINCT_CAP + 1);
          c.put(
              "not_applicable",
              "more than " + DISTINCT_CAP + " distinct values; entropy not tracked");
        } else if (s.count == 0) {
          c.put("not_applicable", "every value is missing");
        } else {
          c.put("distinct", s.distinct.size());
          c.put("distinct_ratio", (double) s.distinct.size() / s.count);
          double h = s.entropyBits();
          c.put("entropy_bits", h);
          if (s.distinct.size() > 1) {
            c.put("normalized_entropy", h / (Math.log(s.distinct.size()) / Math.log(2)));
          }
        }
      }
      return out;
    }
  }

  /** Running statistics of one column. */
  private static final class ColumnStats {
    long count;
    long missing;
    long numeric;
    double mean;
    double m2;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Map<String, Long> distinct = new HashMap<>();

    boolean exact() {
      return distinct != null;
    }

    void add(String value) {
      if (value == null || value.isEmpty() || "NA".equals(value) || "null".equals(value)) {
        missing++;
        return;
      }
      count++;
      if (distinct != null) {
        distinct.merge(value, 1L, Long::sum);
        if (distinct.size() > DISTINCT_CAP) {
          distinct = null;
        }
      }
      double x = parse(value);
      if (!Double.isNaN(x)) {
        numeric++;
        double delta = x - mean;
        mean += delta / numeric;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }

    private static double parse(String v) {
      char c = v.charAt(0);
      if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
        return Double.NaN;
      }
      try {
        double x = Double.parseDouble(v);
        return Double.isFinite(x) ? x : Double.NaN;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    double entropyBits() {
      double h = 0;
      for (long n : distinct.values()) {
        double p = (double) n / count;
        h -= p * Math.log(p) / Math.log(2);
      }
      return h;
    }

    ObjectNode toJson() {
      ObjectNode c = JSON.createObjectNode();
      c.put("count", count);
      c.put("missing", missing);
      c.put("numeric_count", numeric);
      if (numeric > 0) {
        c.put("mean", mean);
        c.put("min", min);
        c.put("max", max);
      }
      if (numeric > 1) {
        c.put("stddev", Math.sqrt(m2 / (numeric - 1)));
      }
      if (exact()) {
        c.put("distinct", distinct.size());
      } else {
        c.put("distinct_at_least", DISTINCT_CAP + 1);
      }
      return c;
    }
  }
}
