package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.profile.ColumnSummary;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiler;
import org.synthos.core.state.StateConfig;
import org.synthos.core.state.ValueCount;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;
import org.synthos.io.ReadStats;

/**
 * A light engine: ingestion ({@code synthos-io}) and profiling ({@code synthos-core}) only, for
 * deployments and tests that want the job machinery without the assessment. Stages: {@code
 * profiling} (one streaming pass over the dataset), {@code reference_profiling} when a reference is
 * given, and {@code recommendations} derived from the profile alone. Collapse detection,
 * localization and the training decision are {@link AssessmentRunner}'s; this runner's report
 * states them as not applicable rather than inventing scores. The per-column diversity summary also
 * serves the AnalyzeDiversity phase of the full engine.
 *
 * <p>Diversity per column is the distinct count (exact below the category cap, else the HLL
 * estimate with its 95% interval), the distinct ratio over non-null values, and the Shannon entropy
 * {@code H = -sum p_i log2 p_i} of the value frequencies (Shannon 1948), given only when every
 * frequency is known exactly.
 */
final class ProfileRunner implements ValidationRunner {
  static final String NO_ASSESSMENT =
      "this service runs the profile-only engine; collapse detection, problem localization and"
          + " the training decision need the assessment engine";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CATEGORY_CAP = StateConfig.defaults().categoryCap();

  @Override
  public Outcome run(Inputs inputs, ProgressSink progress) {
    long start = System.nanoTime();
    Instant created = Instant.now();
    boolean withReference = inputs.reference().isPresent();
    Profiled data =
        profile(
            inputs.dataset(),
            inputs.request().datasetUri(),
            "profiling",
            5,
            withReference ? 45 : 90,
            progress);
    ObjectNode stages = JSON.createObjectNode();
    stages.set("profiling", data.toJson());
    progress.stageDone("profiling", stages.get("profiling"));
    if (withReference) {
      Profiled ref =
          profile(
              inputs.reference().get(),
              inputs.request().referenceUri().orElse("reference"),
              "reference_profiling",
              50,
              45,
              progress);
      stages.set("reference_profiling", ref.toJson());
      progress.stageDone("reference_profiling", stages.get("reference_profiling"));
    }
    progress.progress("recommendations", 96, data.profile.rows());
    ObjectNode recommendations = recommendations(data);
    stages.set("recommendations", recommendations);
    progress.stageDone("recommendations", recommendations);

    ObjectNode report = JSON.createObjectNode();
    report.put("validation_id", inputs.validationId());
    report.put("dataset_id", inputs.datasetId());
    report.put("job_id", inputs.jobId());
    report.put("status", "completed");
    report.put("created_at", created.toString());
    report.put("completed_at", Instant.now().toString());
    ObjectNode results = report.putObject("results");
    results.put("rows", data.profile.rows());
    results.put("columns", data.summaries.size());
    results.put("invalid_cells", data.stats.invalidCellsTotal());
    results.putObject("assessment").put("not_applicable", NO_ASSESSMENT);
    ObjectNode internal = report.putObject("internal");
    internal.put("dataset_uri", inputs.request().datasetUri());
    internal.put("dataset_format", inputs.request().datasetFormat());
    internal.put("total_rows", data.profile.rows());
    internal.put("total_time_seconds", (System.nanoTime() - start) / 1e9);
    internal.set("stages", stages);
    return new Outcome(
        report,
        Optional.empty(),
        data.profile.rows(),
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  /** The per-column diversity summary of one file, from one profiling pass. */
  static ObjectNode diversity(
      Path file, String uri, ProgressSink progress, double from, double span) {
    return profile(file, uri, "profiling", from, span, progress).diversity();
  }

  @Override
  public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
    return switch (phase) {
      case DIVERSITY ->
          new PhaseResult.Ok(
              diversity(inputs.dataset(), inputs.request().datasetUri(), progress, 0, 100));
      case RECOMMENDATIONS ->
          new PhaseResult.Ok(
              recommendations(
                  profile(
                      inputs.dataset(),
                      inputs.request().datasetUri(),
                      "profiling",
                      0,
                      100,
                      progress)));
      case COLLAPSE, LOCALIZATION, PREDICTIONS ->
          new PhaseResult.NotApplicable(
              inputs.reference().isEmpty() && phase == Phase.COLLAPSE
                  ? "collapse detection compares the dataset with reference data; none was given,"
                      + " and "
                      + NO_ASSESSMENT
                  : NO_ASSESSMENT);
    };
  }

  /** One pass over a file; progress runs from {@code from} to {@code from + span} percent. */
  private static Profiled profile(
      Path file, String uri, String stage, double from, double span, ProgressSink progress) {
    progress.progress(stage, from, 0);
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults())) {
      Iterator<ColumnBatch> batches =
          Datasets.batches(
              reader,
              s -> {
                progress.checkpoint();
                progress.progress(stage, from + span * s.fraction().orElse(0), s.rowsRead());
              });
      // Jobs already run in parallel on the worker pool; one thread per job keeps them fair.
      DatasetProfile profile =
          Profiler.profile(reader.schema(), batches, ProfileOptions.defaults().withThreads(1));
      progress.progress(stage, from + span, profile.rows());
      return new Profiled(uri, profile, reader.stats(), profile.summaries(CATEGORY_CAP));
    } catch (SynthosException e) {
      throw relabel(e, file, uri);
    }
  }

  /** Errors name the dataset as the user gave it, not the server's local copy. */
  static SynthosException relabel(SynthosException e, Path file, String uri) {
    Optional<Location> where = e.location();
    if (where.isEmpty() || !file.toString().equals(where.get().file())) {
      return e;
    }
    Location l = where.get();
    String prefix = l.describe() + ": ";
    String message =
        e.getMessage().startsWith(prefix)
            ? e.getMessage().substring(prefix.length())
            : e.getMessage();
    return new SynthosException(
        e.code(), message, new Location(uri, l.line(), l.row(), l.column()), e);
  }

  private static ObjectNode recommendations(Profiled p) {
    ArrayNode items = JSON.createArrayNode();
    for (ColumnSummary c : p.summaries) {
      long nonNull = c.rows() - c.nulls();
      double missingShare = c.rows() == 0 ? 0 : (double) c.nulls() / c.rows();
      if (nonNull == 0) {
        items.add(item(c, "drop_column", "every value is missing", 1));
        continue;
      }
      if (c.invalid() > 0) {
        items.add(
            item(
                c,
                "fix_invalid_cells",
                c.invalid() + " cells did not parse as " + c.type().label(),
                1));
      }
      if (c.distinct().exact() && c.distinct().estimate() == 1) {
        items.add(item(c, "drop_column", "the column holds a single value", 2));
      } else if (missingShare > 0.5) {
        items.add(
            item(
                c,
                "impute_or_drop",
                String.format(Locale.ROOT, "%.1f%% of values are missing", 100 * missingShare),
                2));
      } else if (!c.type().isNumeric()
          && c.type() != ColumnType.IDENTIFIER
          && c.distinct().exact()
          && c.distinct().estimate() == nonNull
          && nonNull > 1) {
        items.add(
            item(
                c,
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

  private static ObjectNode item(ColumnSummary c, String action, String why, int priority) {
    ObjectNode n = JSON.createObjectNode();
    n.put("column", c.name());
    n.put("action", action);
    n.put("description", why);
    n.put("priority", priority);
    return n;
  }

  /** Shannon entropy in bits, when every category's count is known exactly. */
  static OptionalDouble entropyBits(ColumnSummary c) {
    if (c.categories().isEmpty()) {
      return OptionalDouble.empty();
    }
    ColumnSummary.Categories k = c.categories().get();
    if (k.approximate()
        || k.distinct().isEmpty()
        || k.top().size() != k.distinct().getAsLong()
        || k.total() == 0) {
      return OptionalDouble.empty();
    }
    double h = 0;
    for (ValueCount v : k.top()) {
      double p = (double) v.count() / k.total();
      h -= p * Math.log(p) / Math.log(2);
    }
    return OptionalDouble.of(h);
  }

  private static void putFinite(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    }
  }

  /** A finished profile of one file. */
  private record Profiled(
      String uri, DatasetProfile profile, ReadStats stats, List<ColumnSummary> summaries) {
    ObjectNode toJson() {
      ObjectNode out = JSON.createObjectNode();
      out.put("uri", uri);
      out.put("rows", profile.rows());
      out.put("bytes", stats.totalBytes());
      ArrayNode cols = out.putArray("columns");
      for (ColumnSummary c : summaries) {
        ObjectNode n = cols.addObject();
        n.put("name", c.name());
        n.put("type", c.type().label());
        n.put("missing", c.nulls());
        n.put("invalid", c.invalid());
        n.put("distinct", c.distinct().estimate());
        n.put("distinct_exact", c.distinct().exact());
        c.numeric()
            .ifPresent(
                m -> {
                  n.put("numeric_count", m.count());
                  putFinite(n, "mean", m.mean());
                  m.std().ifPresent(s -> n.put("stddev", s));
                  putFinite(n, "min", m.min());
                  putFinite(n, "median", m.quantiles().p50());
                  putFinite(n, "max", m.max());
                });
        c.categories()
            .ifPresent(
                k -> {
                  ArrayNode top = n.putArray("top_values");
                  k.top().stream()
                      .limit(5)
                      .forEach(
                          v -> top.addObject().put("value", v.value()).put("count", v.count()));
                });
      }
      return out;
    }

    ObjectNode diversity() {
      ObjectNode out = JSON.createObjectNode();
      out.put("uri", uri);
      out.put("rows", profile.rows());
      ArrayNode cols = out.putArray("columns");
      for (ColumnSummary s : summaries) {
        ObjectNode c = cols.addObject();
        c.put("name", s.name());
        c.put("type", s.type().label());
        long nonNull = s.rows() - s.nulls();
        if (nonNull == 0) {
          c.put("not_applicable", "every value is missing");
          continue;
        }
        c.put("distinct", s.distinct().estimate());
        c.put("distinct_exact", s.distinct().exact());
        if (!s.distinct().exact()) {
          c.put("distinct_lower", s.distinct().lower());
          c.put("distinct_upper", s.distinct().upper());
        }
        c.put("distinct_ratio", s.distinct().estimate() / nonNull);
        OptionalDouble h = entropyBits(s);
        if (h.isPresent()) {
          c.put("entropy_bits", h.getAsDouble());
          if (s.distinct().estimate() > 1) {
            c.put(
                "normalized_entropy",
                h.getAsDouble() / (Math.log(s.distinct().estimate()) / Math.log(2)));
          }
        } else {
          c.put(
              "entropy_not_applicable",
              s.categories().isEmpty()
                  ? "entropy of value frequencies is given for categorical, boolean and text"
                      + " columns"
                  : "more than " + CATEGORY_CAP + " distinct values; frequencies are approximate");
        }
      }
      return out;
    }
  }
}
