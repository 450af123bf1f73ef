package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.Stage;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.signature.ProfileFeatures;
import org.synthos.core.signature.ScreenPass;
import org.synthos.core.signature.Signature;
import org.synthos.io.DatasetFile;
import org.synthos.io.ReadOptions;
import org.synthos.io.ReadStats;
import org.synthos.report.HtmlReport;
import org.synthos.report.JsonReport;
import org.synthos.report.PolicyFiles;

/**
 * The full engine: {@link Validator} over the dataset (the candidate) and the optional reference,
 * with the request's target, policy and seed, so a job gives the same verdict and risk as {@code
 * synthos validate} on the same files and seed. The report is {@link JsonReport}'s document with
 * the service's ids on top, plus {@link HtmlReport}'s page.
 *
 * <p>Progress: each Validator stage (profile, intrinsic, fidelity, multivariate, collapse,
 * localisation, recommendations, decision) is a job stage; while the profile stage reads the files,
 * every batch reports the rows read and checks for cancellation. Within the later stages the job
 * stops at the next stage boundary, and within the learnability cascade at the next model.
 *
 * <p>Metrics: the collapse score is {@code 100 - risk}, where risk is the verdict's {@code 100 -
 * (0.6 * lowest + 0.4 * mean)} of the scored dimensions, so higher is better like every other
 * score; the diversity score is the diversity-retention dimension's score when it was judged.
 */
final class AssessmentRunner implements ValidationRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Phase results kept for the phase calls that follow on the same files and options. */
  static final int PHASE_CACHE_ENTRIES = 4;

  /**
   * The latest phase validations by file contents, names and options: the phase calls of one
   * dataset (diversity, collapse, localisation, recommendations) share one validation instead of
   * running it four times. A result is a function of those keys, so a hit is the same result.
   */
  private final Map<String, ValidationResult> phaseResults =
      Collections.synchronizedMap(
          new LinkedHashMap<>(PHASE_CACHE_ENTRIES, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ValidationResult> eldest) {
              return size() > PHASE_CACHE_ENTRIES;
            }
          });

  /** The most flagged rows a LocalizeProblems answer lists; the total is always given. */
  static final int MAX_FLAGGED_ROWS = 10_000;

  @Override
  public void check(ValidationRequest request) {
    options(request, 0);
  }

  @Override
  public Outcome run(Inputs inputs, ProgressSink progress) {
    ValidationResult result =
        assess(
            inputs,
            options(inputs.request(), ValidationOptions.defaults().ablations()),
            progress,
            5,
            90,
            null);
    ObjectNode report = report(result);
    long rows = decorate(report, inputs);
    org.synthos.v1.TypedReport typed =
        TypedResults.report(result)
            .setValidationId(inputs.validationId())
            .setDatasetId(inputs.datasetId())
            .setJobId(inputs.jobId())
            .build();
    // The pre-screen's features come from its own pass, so a later screen of the same file
    // computes exactly these.
    ProfileFeatures features =
        ScreenPass.features(
            source(
                inputs.dataset(),
                inputs.request().datasetUri(),
                inputs.request().readOptions(),
                s -> {}),
            Runtime.getRuntime().availableProcessors());
    return new ValidationRunner.Outcome(
        report,
        Optional.of(HtmlReport.render(result)),
        rows,
        OptionalDouble.of(100 - result.verdict().riskScore()),
        diversityScore(result),
        Optional.of(typed),
        Optional.of(Signature.of(features, result)));
  }

  @Override
  public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
    // Every phase runs the same validation (ablations included), so later phases reuse it.
    ValidationResult result =
        assess(
            inputs,
            options(inputs.request(), ValidationOptions.defaults().ablations()),
            progress,
            0,
            90,
            phaseResults);
    JsonNode results = report(result).get("results");
    ObjectNode out = JSON.createObjectNode();
    out.put("validation_id", result.validationId());
    out.put("dataset_id", result.datasetId());
    // The typed fields carry the same values as the JSON, built from the result itself.
    org.synthos.v1.PhaseResponse.Builder typed =
        org.synthos.v1.PhaseResponse.newBuilder().setValidationId(result.validationId());
    switch (phase) {
      case DIVERSITY -> {
        if (result.dimension(Dimension.DIVERSITY_RETENTION)
            instanceof DimensionResult.NotApplicable na) {
          return new PhaseResult.NotApplicable(na.reason());
        }
        out.set(
            "diversity_retention",
            results.path("dimensions").path(Dimension.DIVERSITY_RETENTION.key()));
        // Rounded as every number of the report is, and as the typed field holds it.
        diversityScore(result)
            .ifPresent(s -> TypedResults.put(s, v -> out.put("diversity_score", v)));
        typed.addDimensions(
            TypedResults.dimension(result.dimension(Dimension.DIVERSITY_RETENTION)));
        diversityScore(result).ifPresent(s -> TypedResults.put(s, typed::setDiversityScore));
        out.set(
            "profile",
            ProfileRunner.diversity(
                inputs.dataset(), inputs.request().datasetUri(), progress, 90, 10));
      }
      case COLLAPSE -> {
        for (String field :
            List.of(
                "decision",
                "confidence",
                "risk_score",
                "risk_level",
                "collapse_probability",
                "collapse_probability_method",
                "collapse_types",
                "root_causes",
                "reasons",
                "dimensions",
                "not_judged",
                "checks")) {
          out.set(field, results.path(field));
        }
        TypedResults.put(100 - result.verdict().riskScore(), v -> out.put("collapse_score", v));
        typed
            .setVerdict(TypedResults.verdict(result))
            .addAllDimensions(TypedResults.dimensions(result.dimensions()));
      }
      case LOCALIZATION -> {
        out.set("localisation", results.path("localisation"));
        List<FlaggedRow> flagged = result.flaggedRows();
        out.put("flagged_rows_total", flagged.size());
        out.put("flagged_rows_listed", Math.min(flagged.size(), MAX_FLAGGED_ROWS));
        ArrayNode rows = out.putArray("flagged_rows");
        for (FlaggedRow f : flagged.subList(0, Math.min(flagged.size(), MAX_FLAGGED_ROWS))) {
          ObjectNode r = rows.addObject();
          r.put("row", f.row());
          r.put("cause", f.cause().key());
          r.put("group", f.group());
          r.put("reason", f.reason());
          typed.addFlaggedRows(TypedResults.flaggedRow(f));
        }
        typed
            .setLocalisation(TypedResults.localisation(result))
            .setFlaggedRowsTotal(flagged.size());
      }
      case RECOMMENDATIONS -> {
        out.put("decision", results.path("decision").asText());
        out.put("risk_score", results.path("risk_score").asDouble());
        out.set("recommendations", results.path("recommendations"));
        typed
            .setVerdict(TypedResults.verdict(result))
            .addAllRecommendations(TypedResults.recommendations(result));
      }
      case PREDICTIONS -> {
        if (result.dimension(Dimension.LEARNABILITY) instanceof DimensionResult.NotApplicable na) {
          return new PhaseResult.NotApplicable(na.reason());
        }
        out.set("learnability_dimension", results.path("dimensions").path("learnability"));
        out.set("learnability", results.path("learnability"));
        typed
            .addDimensions(TypedResults.dimension(result.dimension(Dimension.LEARNABILITY)))
            .setLearnability(TypedResults.learnability(result.learnability()));
      }
    }
    progress.progress("done", 100, result.candidate().rows());
    return new PhaseResult.Ok(out, Optional.of(typed.build()));
  }

  /**
   * Puts the service's ids on an engine report, keeping the engine's own under {@code internal},
   * with the dataset's URI, format and the rows read; returns those rows (dataset and reference).
   */
  static long decorate(ObjectNode report, Inputs inputs) {
    String engineValidationId = report.path("validation_id").asText();
    String engineDatasetId = report.path("dataset_id").asText();
    report.put("validation_id", inputs.validationId());
    report.put("dataset_id", inputs.datasetId());
    report.put("job_id", inputs.jobId());
    ObjectNode internal = (ObjectNode) report.get("internal");
    internal.put("engine_validation_id", engineValidationId);
    internal.put("engine_dataset_id", engineDatasetId);
    internal.put("dataset_uri", inputs.request().datasetUri());
    internal.put("dataset_format", inputs.request().datasetFormat());
    JsonNode provenance = report.path("provenance");
    long rows =
        provenance.path("candidate").path("rows").asLong()
            + provenance.path("reference").path("rows").asLong();
    internal.put("total_rows", rows);
    return rows;
  }

  private static OptionalDouble diversityScore(ValidationResult result) {
    return result.dimension(Dimension.DIVERSITY_RETENTION) instanceof DimensionResult.Scored s
        ? OptionalDouble.of(s.score())
        : OptionalDouble.empty();
  }

  private static ObjectNode report(ValidationResult result) {
    return JsonReport.toTree(result);
  }

  /** The policy a request names: {@code default} (or none), or a YAML document. */
  static Policy policy(Optional<String> given) {
    if (given.isEmpty() || given.get().strip().equals(Policy.defaults().name())) {
      return Policy.defaults();
    }
    String text = given.get().strip();
    if (text.matches("[A-Za-z0-9_.\\-]+")) {
      throw new SynthosException(
          ErrorCode.INVALID_POLICY,
          "unknown policy name '"
              + text
              + "'; name '"
              + Policy.defaults().name()
              + "' or send a policy document in YAML");
    }
    return PolicyFiles.parse(text, "policy");
  }

  static ValidationOptions options(ValidationRequest request, int ablations) {
    ValidationOptions o =
        ValidationOptions.defaults()
            .withPolicy(policy(request.policy()))
            .withTarget(request.target().orElse(null))
            .withAblations(ablations);
    return request.seed().isPresent() ? o.withSeed(request.seed().get()) : o;
  }

  /** Runs the validator; progress runs from {@code from} to {@code from + span} percent. */
  /**
   * @param cache earlier results by files and options, or null to always validate
   */
  private static ValidationResult assess(
      Inputs inputs,
      ValidationOptions options,
      ProgressSink progress,
      double from,
      double span,
      Map<String, ValidationResult> cache) {
    String uri = inputs.request().datasetUri();
    String refUri = inputs.request().referenceUri().orElse("reference");
    StageProgress stages = new StageProgress(progress, from, span, inputs.reference().isPresent());
    try {
      ReadOptions read = inputs.request().readOptions();
      DatasetSource candidate = source(inputs.dataset(), uri, read, stages.reader(0));
      DatasetSource reference =
          inputs.reference().isEmpty()
              ? null
              : source(inputs.reference().get(), refUri, read, stages.reader(1));
      String key =
          String.join(
              "|",
              uri,
              candidate.sha256(),
              reference == null ? "-" : refUri,
              reference == null ? "-" : reference.sha256(),
              String.valueOf(read.schemaOverrides()),
              String.valueOf(options));
      ValidationResult cached = cache == null ? null : cache.get(key);
      if (cached != null) {
        return cached;
      }
      ValidationResult result =
          Validator.validate(new ValidationInput(candidate, reference), options, stages);
      stages.finish(result);
      if (cache != null) {
        cache.put(key, result);
      }
      return result;
    } catch (SynthosException e) {
      // Errors name the files as the user gave them, not the server's local copies.
      SynthosException named = ProfileRunner.relabel(e, inputs.dataset(), uri);
      throw inputs.reference().isEmpty()
          ? named
          : ProfileRunner.relabel(named, inputs.reference().get(), refUri);
    }
  }

  /**
   * A dataset file as the validator's source: {@link DatasetFile} opens it for several passes with
   * its schema pinned and hashes it (synthos-io); this only names it and hands it over.
   *
   * @param uri the name reports give the dataset (the user's URI when the file is a local copy)
   * @param afterRead sees each pass's reader counters after every read; throwing stops the pass
   */
  static DatasetSource source(
      Path file, String uri, ReadOptions options, Consumer<ReadStats> afterRead) {
    DatasetFile data = DatasetFile.open(file, options);
    return new DatasetSource(
        uri, data.schema(), () -> data.batches(afterRead), data.sha256(), data.sizeBytes());
  }

  /**
   * Turns the validator's stage starts and the readers' counters into job progress: a stage is done
   * when the next starts, and its result names the stage, its place and its duration.
   */
  private static final class StageProgress implements ProgressListener {
    private final ProgressSink sink;
    private final double from;
    private final double span;
    private final int sources;
    private final AtomicLong[] rowsRead = {new AtomicLong(), new AtomicLong()};
    private final double[] fraction = new double[2];
    private Stage current;
    private int index;
    private int total = Stage.values().length;
    private long startedAt;

    StageProgress(ProgressSink sink, double from, double span, boolean withReference) {
      this.sink = sink;
      this.from = from;
      this.span = span;
      this.sources = withReference ? 2 : 1;
    }

    /** Observes source {@code which} (0 the dataset, 1 the reference): rows and cancellation. */
    java.util.function.Consumer<ReadStats> reader(int which) {
      return stats -> {
        sink.checkpoint();
        // Later passes re-read the same rows; the count is of distinct rows read.
        rowsRead[which].accumulateAndGet(stats.rowsRead(), Math::max);
        fraction[which] = Math.max(fraction[which], stats.fraction().orElse(0));
        double within = (fraction[0] + fraction[1]) / sources;
        sink.progress(
            current == null ? Stage.PROFILE.key() : current.key(),
            from + span * (index + (current == Stage.PROFILE ? within : 0)) / total,
            rows());
      };
    }

    private long rows() {
      return rowsRead[0].get() + rowsRead[1].get();
    }

    @Override
    public void modelTrained(ModelProgress model) {
      sink.checkpoint();
      sink.modelTrained(model);
    }

    @Override
    public void stageStarted(Stage stage, int stageIndex, int stageTotal) {
      sink.checkpoint();
      closeCurrent();
      current = stage;
      index = stageIndex;
      total = stageTotal;
      startedAt = System.nanoTime();
      sink.progress(stage.key(), from + span * index / total, rows());
    }

    private void closeCurrent() {
      if (current == null) {
        return;
      }
      sink.stageDone(current.key(), currentResult());
    }

    private ObjectNode currentResult() {
      ObjectNode done = JSON.createObjectNode();
      done.put("stage", current.key());
      done.put("index", index);
      done.put("of", total);
      done.put("seconds", (System.nanoTime() - startedAt) / 1e9);
      done.put("rows_read", rows());
      return done;
    }

    /** The last stage ends with the decision as its result. */
    void finish(ValidationResult result) {
      ObjectNode done = currentResult();
      done.put("decision", result.verdict().decision().name().toLowerCase(java.util.Locale.ROOT));
      done.put("risk_score", result.verdict().riskScore());
      index = total;
      sink.progress(current.key(), from + span, rows());
      sink.stageDone(current.key(), done);
    }
  }
}
