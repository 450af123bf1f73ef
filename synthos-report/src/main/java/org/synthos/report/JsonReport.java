package org.synthos.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.CauseSummary;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.ColumnTreatment;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Impact;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.Recommendation;
import org.synthos.core.assess.RootCause;
import org.synthos.core.assess.SchemaDifference;
import org.synthos.core.assess.SourceInfo;
import org.synthos.core.assess.StageTiming;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Verdict;

/**
 * The machine-readable report, schema {@value #SCHEMA_VERSION} (docs/report-schema.md). Fields keep
 * the earlier service's layout ({@code validation_id}, {@code dataset_id}, {@code status}, {@code
 * created_at}, {@code completed_at}, {@code results}, {@code internal}) with measured values only.
 * Apart from {@code created_at}, {@code completed_at} and {@code internal}, the bytes depend only
 * on the inputs, options and seed.
 */
public final class JsonReport {
  /** Semantic version of the report layout; a new field bumps the minor part. */
  public static final String SCHEMA_VERSION = "1.4.0";

  private JsonReport() {}

  /** The report as UTF-8 JSON, pretty-printed, ending with a newline. */
  public static byte[] toBytes(ValidationResult r) {
    return Json.prettyBytes(toTree(r));
  }

  /** Writes the report to {@code out}, replacing it. */
  public static void write(ValidationResult r, Path out) {
    try {
      Files.write(out, toBytes(r));
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot write the report: " + e.getMessage(),
          Location.ofFile(out.toString()),
          e);
    }
  }

  /** The report as a JSON tree, for callers that embed it in documents of their own. */
  public static ObjectNode toTree(ValidationResult r) {
    ObjectNode root = Json.object();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("validation_id", r.validationId());
    root.put("dataset_id", r.datasetId());
    root.put("status", "completed");
    root.put("created_at", r.createdAt().toString());
    root.put("completed_at", r.completedAt().toString());
    ObjectNode engine = root.putObject("engine");
    engine.put("name", "synthos");
    engine.put("version", r.engineVersion());
    root.set("provenance", provenance(r));
    root.set("results", results(r));
    ObjectNode internal = root.putObject("internal");
    ArrayNode stages = internal.putArray("stages");
    long total = 0;
    for (StageTiming t : r.timings()) {
      ObjectNode s = stages.addObject();
      s.put("name", t.stage().key());
      s.put("millis", t.millis());
      total += t.millis();
    }
    internal.put("total_millis", total);
    return root;
  }

  private static ObjectNode provenance(ValidationResult r) {
    ObjectNode p = Json.object();
    p.set("candidate", source(r.candidate()));
    if (r.reference() == null) {
      p.putNull("reference");
    } else {
      p.set("reference", source(r.reference()));
    }
    ValidationOptions o = r.options();
    Json.putText(p, "target_column", o.targetColumn());
    Json.putText(p, "time_column", r.timeColumnUsed());
    p.put("seed", o.seed());
    ObjectNode config = p.putObject("config");
    config.put("max_rows", o.maxRows());
    config.put("multivariate_rows", o.multivariateRows());
    config.put("replicates", o.replicates());
    config.put("ablations", o.ablations());
    config.put("learn_budget_millis", o.learning().budgetMillis());
    config.put("learn_max_rows", o.learning().maxRows());
    config.put("predict_at", o.learning().predictAt());
    ArrayNode tiers = config.putArray("learn_tiers");
    o.learning().tiers().forEach(tiers::add);
    Json.putText(config, "time_column_requested", o.timeColumn());
    p.set("policy", policy(o.policy()));
    return p;
  }

  static ObjectNode source(SourceInfo s) {
    ObjectNode o = Json.object();
    o.put("uri", s.uri());
    Json.putText(o, "sha256", s.sha256());
    o.put("content_sha256", s.contentSha256());
    if (s.sizeBytes() < 0) {
      o.putNull("size_bytes");
    } else {
      o.put("size_bytes", s.sizeBytes());
    }
    o.put("rows", s.rows());
    o.put("rows_analysed", s.rowsAnalysed());
    ArrayNode schema = o.putArray("schema");
    for (Field f : s.schema()) {
      ObjectNode c = schema.addObject();
      c.put("name", f.name());
      c.put("type", f.type().label());
      c.put("reason", f.reason().key());
      c.put("treated_as", ColumnTreatment.of(f.type()).key());
    }
    return o;
  }

  /** The policy as recorded in reports and certificates; the same keys as the YAML file. */
  static ObjectNode policy(Policy policy) {
    ObjectNode o = Json.object();
    o.put("name", policy.name());
    o.put("version", policy.version());
    Json.put(o, "max_risk", policy.maxRisk());
    Json.put(o, "max_invalid_share", policy.maxInvalidShare());
    Json.put(o, "duplicate_tolerance", policy.duplicateTolerance());
    Json.put(o, "near_duplicate_tolerance", policy.nearDuplicateTolerance());
    ObjectNode dims = o.putObject("dimensions");
    policy
        .thresholds()
        .forEach(
            (d, t) -> {
              ObjectNode x = dims.putObject(d.key());
              Json.put(x, "warn_below", t.warnBelow());
              Json.put(x, "fail_below", t.failBelow());
            });
    return o;
  }

  private static ObjectNode results(ValidationResult r) {
    Verdict v = r.verdict();
    ObjectNode o = Json.object();
    o.put("recommendation", v.decision().key());
    o.put("decision", v.decision().key());
    Json.put(o, "confidence", v.confidence());
    Json.put(o, "risk_score", v.riskScore());
    o.put("risk_level", v.riskLevel().key());
    Json.put(o, "collapse_probability", v.collapseProbability());
    o.put("collapse_probability_method", v.collapseProbabilityMethod());
    ArrayNode types = o.putArray("collapse_types");
    for (CollapseType t : v.collapseTypes()) {
      types.add(collapseType(t));
    }
    ArrayNode causes = o.putArray("root_causes");
    for (RootCause rc : v.rootCauses()) {
      ObjectNode c = collapseType(rc.type());
      Json.put(c, "share", rc.share());
      causes.add(c);
    }
    ArrayNode reasons = o.putArray("reasons");
    v.reasons().forEach(reasons::add);
    ObjectNode dims = o.putObject("dimensions");
    ArrayNode notJudged = o.putArray("not_judged");
    for (DimensionResult d : r.dimensions()) {
      dims.set(d.dimension().key(), dimension(d));
      if (d instanceof DimensionResult.NotApplicable na) {
        ObjectNode n = notJudged.addObject();
        n.put("dimension", d.dimension().key());
        n.put("reason", na.reason());
      }
    }
    ArrayNode checks = o.putArray("checks");
    for (Check c : r.checks()) {
      ObjectNode x = checks.addObject();
      x.put("name", c.kind().key());
      Json.putText(x, "column", c.column());
      x.put("status", c.status().key());
      Json.put(x, "value", c.value());
      Json.put(x, "limit", c.limit());
      x.put("cause", c.cause().key());
      x.put("detail", c.detail());
    }
    ArrayNode diffs = o.putArray("schema_differences");
    for (SchemaDifference d : r.schemaDifferences()) {
      ObjectNode x = diffs.addObject();
      x.put("column", d.column());
      x.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
      Json.putText(
          x, "reference_type", d.referenceType() == null ? null : d.referenceType().label());
      Json.putText(
          x, "candidate_type", d.candidateType() == null ? null : d.candidateType().label());
    }
    o.set("learnability", LearnabilityJson.of(r.learnability()));
    o.set("localisation", localisation(r));
    ArrayNode recs = o.putArray("recommendations");
    for (Recommendation rec : r.recommendations()) {
      recs.add(recommendation(rec));
    }
    return o;
  }

  private static ObjectNode collapseType(CollapseType t) {
    ObjectNode c = Json.object();
    c.put("type", t.key());
    c.put("code", t.code());
    c.put("description", t.description());
    return c;
  }

  private static ObjectNode dimension(DimensionResult d) {
    ObjectNode o = Json.object();
    o.put("title", d.dimension().title());
    if (d instanceof DimensionResult.NotApplicable na) {
      o.put("status", "not_applicable");
      o.putNull("score");
      o.put("reason", na.reason());
      return o;
    }
    DimensionResult.Scored s = (DimensionResult.Scored) d;
    o.put("status", s.status().key());
    Json.put(o, "score", s.score());
    Json.put(o, "warn_below", s.warnBelow());
    Json.put(o, "fail_below", s.failBelow());
    ArrayNode ev = o.putArray("evidence");
    for (Evidence e : s.evidence()) {
      ObjectNode x = ev.addObject();
      x.put("measure", e.measure().key());
      Json.putText(x, "column", e.column());
      Json.put(x, "value", e.value());
      x.put("rows", e.rows().key());
      ObjectNode band = x.putObject("null_band");
      Json.put(band, "mean", e.nullBand().mean());
      Json.put(band, "upper", e.nullBand().upper());
      band.put("replicates", e.nullBand().replicates());
      Json.put(x, "tolerance", e.tolerance());
      Json.put(x, "score", e.score());
      Json.putText(x, "cause", e.cause() == null ? null : e.cause().key());
      x.put("detail", e.detail());
    }
    return o;
  }

  private static ObjectNode localisation(ValidationResult r) {
    ObjectNode o = Json.object();
    o.put("flagged_rows", r.flaggedRows().size());
    o.put("distinct_rows", r.flaggedRows().stream().mapToLong(f -> f.row()).distinct().count());
    ArrayNode causes = o.putArray("causes");
    for (CauseSummary c : r.localisation()) {
      ObjectNode x = causes.addObject();
      x.put("cause", c.cause().key());
      x.put("description", c.cause().description());
      x.put("rows", c.rows());
      x.put("groups", c.groups());
      ArrayNode ex = x.putArray("example_rows");
      c.exampleRows().forEach(ex::add);
      x.put("summary", c.summary());
    }
    return o;
  }

  private static ObjectNode recommendation(Recommendation rec) {
    ObjectNode o = Json.object();
    o.put("id", rec.id());
    o.put("title", rec.title());
    o.put("action", rec.action());
    o.put("priority", rec.priority().key());
    ArrayNode dims = o.putArray("addresses");
    rec.addresses().forEach(d -> dims.add(d.key()));
    o.put("trigger", rec.trigger());
    ObjectNode impact = o.putObject("impact");
    if (rec.impact() instanceof Impact.Measured m) {
      impact.put("measured", true);
      Json.put(impact, "risk_before", m.riskBefore());
      Json.put(impact, "risk_after", m.riskAfter());
      Json.put(impact, "risk_reduction", m.riskBefore() - m.riskAfter());
      impact.put("decision_after", m.decisionAfter().key());
      impact.put("rows_removed", m.rowsRemoved());
      impact.put("columns_removed", m.columnsRemoved());
      impact.put("applied", m.applied());
    } else {
      impact.put("measured", false);
      impact.put("reason", ((Impact.NotMeasured) rec.impact()).reason());
    }
    return o;
  }

  static List<String> volatileFields() {
    return List.of("created_at", "completed_at", "internal");
  }
}
