package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.synthos.v1.Dimension;
import org.synthos.v1.Evidence;
import org.synthos.v1.Learnability;
import org.synthos.v1.LearnabilityTarget;
import org.synthos.v1.LearningCurve;
import org.synthos.v1.Localisation;
import org.synthos.v1.Recommendation;
import org.synthos.v1.TypedReport;
import org.synthos.v1.Verdict;

/**
 * Asserts that typed messages hold exactly the values of the JSON report they mirror: every number,
 * every null (an unset optional) and every text.
 */
final class TypedAgreement {
  private TypedAgreement() {}

  /** An optional double against a JSON number or null. */
  static void number(String what, JsonNode json, BooleanSupplier has, DoubleSupplier value) {
    if (json.isNull() || json.isMissingNode()) {
      assertThat(has.getAsBoolean()).as(what + " unset like the JSON null").isFalse();
    } else {
      assertThat(has.getAsBoolean()).as(what + " set").isTrue();
      assertThat(value.getAsDouble()).as(what).isEqualTo(json.asDouble());
    }
  }

  /** Text, where a JSON null is the empty string. */
  static void text(String what, JsonNode json, String value) {
    assertThat(value).as(what).isEqualTo(json.isNull() ? "" : json.asText());
  }

  static void report(TypedReport t, JsonNode report) {
    assertThat(t.getSchemaVersion()).isEqualTo(report.get("schema_version").asText());
    assertThat(t.getValidationId()).isEqualTo(report.get("validation_id").asText());
    assertThat(t.getDatasetId()).isEqualTo(report.get("dataset_id").asText());
    assertThat(t.getJobId()).isEqualTo(report.get("job_id").asText());
    assertThat(t.getEngineValidationId())
        .isEqualTo(report.at("/internal/engine_validation_id").asText());
    assertThat(t.getEngineVersion()).isEqualTo(report.at("/engine/version").asText());
    JsonNode results = report.get("results");
    verdict(t.getVerdict(), results);
    dimensions(t.getDimensionsList(), results.get("dimensions"));
    assertThat(t.getChecksCount()).isEqualTo(results.get("checks").size());
    for (int i = 0; i < t.getChecksCount(); i++) {
      JsonNode c = results.get("checks").get(i);
      assertThat(t.getChecks(i).getName()).isEqualTo(c.get("name").asText());
      assertThat(t.getChecks(i).getStatus()).isEqualTo(c.get("status").asText());
      number("check value", c.get("value"), t.getChecks(i)::hasValue, t.getChecks(i)::getValue);
      number("check limit", c.get("limit"), t.getChecks(i)::hasLimit, t.getChecks(i)::getLimit);
    }
    localisation(t.getLocalisation(), results.get("localisation"));
    recommendations(t.getRecommendationsList(), results.get("recommendations"));
    learnability(t.getLearnability(), results.get("learnability"));
    JsonNode p = report.get("provenance");
    assertThat(t.getProvenance().getCandidate().getUri())
        .isEqualTo(p.at("/candidate/uri").asText());
    assertThat(t.getProvenance().getCandidate().getSha256())
        .isEqualTo(p.at("/candidate/sha256").asText());
    assertThat(t.getProvenance().getCandidate().getContentSha256())
        .isEqualTo(p.at("/candidate/content_sha256").asText());
    assertThat(t.getProvenance().getCandidate().getRows())
        .isEqualTo(p.at("/candidate/rows").asLong());
    assertThat(t.getProvenance().hasReference()).isEqualTo(!p.get("reference").isNull());
    assertThat(t.getProvenance().getSeed()).isEqualTo(p.get("seed").asLong());
    assertThat(t.getProvenance().getPolicyName()).isEqualTo(p.at("/policy/name").asText());
    assertThat(t.getProvenance().getPolicyVersion()).isEqualTo(p.at("/policy/version").asInt());
  }

  static void verdict(Verdict v, JsonNode results) {
    assertThat(v.getDecision()).isEqualTo(results.get("decision").asText());
    number("confidence", results.get("confidence"), v::hasConfidence, v::getConfidence);
    number("risk_score", results.get("risk_score"), v::hasRiskScore, v::getRiskScore);
    assertThat(v.getRiskLevel()).isEqualTo(results.get("risk_level").asText());
    number(
        "collapse_probability",
        results.get("collapse_probability"),
        v::hasCollapseProbability,
        v::getCollapseProbability);
    assertThat(v.getCollapseProbabilityMethod())
        .isEqualTo(results.get("collapse_probability_method").asText());
    assertThat(v.getCollapseTypesCount()).isEqualTo(results.get("collapse_types").size());
    for (int i = 0; i < v.getCollapseTypesCount(); i++) {
      JsonNode c = results.get("collapse_types").get(i);
      assertThat(v.getCollapseTypes(i).getType()).isEqualTo(c.get("type").asText());
      assertThat(v.getCollapseTypes(i).getCode()).isEqualTo(c.get("code").asText());
      assertThat(v.getCollapseTypes(i).getDescription()).isEqualTo(c.get("description").asText());
    }
    assertThat(v.getRootCausesCount()).isEqualTo(results.get("root_causes").size());
    for (int i = 0; i < v.getRootCausesCount(); i++) {
      JsonNode rc = results.get("root_causes").get(i);
      assertThat(v.getRootCauses(i).getType().getType()).isEqualTo(rc.get("type").asText());
      number("share", rc.get("share"), v.getRootCauses(i)::hasShare, v.getRootCauses(i)::getShare);
    }
    assertThat(v.getReasonsList())
        .containsExactlyElementsOf(
            java.util.stream.StreamSupport.stream(results.get("reasons").spliterator(), false)
                .map(JsonNode::asText)
                .toList());
  }

  static void dimensions(List<Dimension> typed, JsonNode json) {
    assertThat(typed).hasSize(json.size());
    for (Dimension d : typed) {
      dimension(d, json.get(d.getKey()));
    }
  }

  static void dimension(Dimension d, JsonNode j) {
    assertThat(j).as("dimension " + d.getKey()).isNotNull();
    assertThat(d.getTitle()).isEqualTo(j.get("title").asText());
    assertThat(d.getStatus()).isEqualTo(j.get("status").asText());
    number(d.getKey() + " score", j.get("score"), d::hasScore, d::getScore);
    if (d.hasNotApplicable()) {
      assertThat(d.getNotApplicable().getReason()).isEqualTo(j.get("reason").asText());
      return;
    }
    number("warn_below", j.get("warn_below"), d::hasWarnBelow, d::getWarnBelow);
    number("fail_below", j.get("fail_below"), d::hasFailBelow, d::getFailBelow);
    assertThat(d.getEvidenceCount()).isEqualTo(j.get("evidence").size());
    for (int i = 0; i < d.getEvidenceCount(); i++) {
      Evidence e = d.getEvidence(i);
      JsonNode x = j.get("evidence").get(i);
      String at = d.getKey() + " evidence " + i;
      assertThat(e.getMeasure()).as(at).isEqualTo(x.get("measure").asText());
      text(at + " column", x.get("column"), e.getColumn());
      number(at + " value", x.get("value"), e::hasValue, e::getValue);
      assertThat(e.getRows()).isEqualTo(x.get("rows").asText());
      JsonNode band = x.get("null_band");
      number(
          at + " band mean", band.get("mean"), e.getNullBand()::hasMean, e.getNullBand()::getMean);
      number(
          at + " band upper",
          band.get("upper"),
          e.getNullBand()::hasUpper,
          e.getNullBand()::getUpper);
      assertThat(e.getNullBand().getReplicates()).isEqualTo(band.get("replicates").asInt());
      number(at + " tolerance", x.get("tolerance"), e::hasTolerance, e::getTolerance);
      number(at + " score", x.get("score"), e::hasScore, e::getScore);
      text(at + " cause", x.get("cause"), e.getCause());
      assertThat(e.getDetail()).isEqualTo(x.get("detail").asText());
    }
  }

  static void localisation(Localisation l, JsonNode j) {
    assertThat(l.getFlaggedRows()).isEqualTo(j.get("flagged_rows").asLong());
    assertThat(l.getDistinctRows()).isEqualTo(j.get("distinct_rows").asLong());
    assertThat(l.getCausesCount()).isEqualTo(j.get("causes").size());
    for (int i = 0; i < l.getCausesCount(); i++) {
      JsonNode c = j.get("causes").get(i);
      assertThat(l.getCauses(i).getCause()).isEqualTo(c.get("cause").asText());
      assertThat(l.getCauses(i).getRows()).isEqualTo(c.get("rows").asLong());
      assertThat(l.getCauses(i).getGroups()).isEqualTo(c.get("groups").asLong());
      assertThat(l.getCauses(i).getExampleRowsList())
          .containsExactlyElementsOf(
              java.util.stream.StreamSupport.stream(c.get("example_rows").spliterator(), false)
                  .map(JsonNode::asLong)
                  .toList());
      assertThat(l.getCauses(i).getSummary()).isEqualTo(c.get("summary").asText());
    }
  }

  static void recommendations(List<Recommendation> typed, JsonNode j) {
    assertThat(typed).hasSize(j.size());
    for (int i = 0; i < typed.size(); i++) {
      Recommendation r = typed.get(i);
      JsonNode x = j.get(i);
      assertThat(r.getId()).isEqualTo(x.get("id").asText());
      assertThat(r.getPriority()).isEqualTo(x.get("priority").asText());
      assertThat(r.getAction()).isEqualTo(x.get("action").asText());
      assertThat(r.getAddressesCount()).isEqualTo(x.get("addresses").size());
      JsonNode impact = x.get("impact");
      assertThat(r.getImpact().getMeasured()).isEqualTo(impact.get("measured").asBoolean());
      if (r.getImpact().getMeasured()) {
        number(
            "risk_before",
            impact.get("risk_before"),
            r.getImpact()::hasRiskBefore,
            r.getImpact()::getRiskBefore);
        number(
            "risk_after",
            impact.get("risk_after"),
            r.getImpact()::hasRiskAfter,
            r.getImpact()::getRiskAfter);
        number(
            "risk_reduction",
            impact.get("risk_reduction"),
            r.getImpact()::hasRiskReduction,
            r.getImpact()::getRiskReduction);
        assertThat(r.getImpact().getDecisionAfter())
            .isEqualTo(impact.get("decision_after").asText());
        assertThat(r.getImpact().getRowsRemoved()).isEqualTo(impact.get("rows_removed").asLong());
      } else {
        assertThat(r.getImpact().getReason()).isEqualTo(impact.get("reason").asText());
      }
    }
  }

  static void learnability(Learnability l, JsonNode j) {
    text("not_applicable", j.get("not_applicable"), l.getNotApplicable());
    assertThat(l.getBudgetMillis()).isEqualTo(j.get("budget_millis").asLong());
    assertThat(l.getPredictAt()).isEqualTo(j.get("predict_at").asLong());
    assertThat(l.getTargetsCount()).isEqualTo(j.get("targets").size());
    for (int i = 0; i < l.getTargetsCount(); i++) {
      LearnabilityTarget t = l.getTargets(i);
      JsonNode x = j.get("targets").get(i);
      assertThat(t.getColumn()).isEqualTo(x.get("column").asText());
      assertThat(t.getTask()).isEqualTo(x.get("task").asText());
      text("metric", x.get("metric"), t.getMetric());
      number("tstr", x.get("tstr"), t::hasTstr, t::getTstr);
      number("trtr", x.get("trtr"), t::hasTrtr, t::getTrtr);
      assertThat(t.getCurvesCount()).isEqualTo(x.get("curves").size());
      for (int k = 0; k < t.getCurvesCount(); k++) {
        LearningCurve c = t.getCurves(k);
        JsonNode cj = x.get("curves").get(k);
        assertThat(c.getTier()).isEqualTo(cj.get("tier").asText());
        assertThat(c.getPointsCount()).isEqualTo(cj.get("points").size());
        for (int p = 0; p < c.getPointsCount(); p++) {
          JsonNode pj = cj.get("points").get(p);
          assertThat(c.getPoints(p).getTrainRows()).isEqualTo(pj.get("train_rows").asLong());
          number(
              "tstr_loss",
              pj.get("tstr_loss"),
              c.getPoints(p)::hasTstrLoss,
              c.getPoints(p)::getTstrLoss);
        }
        JsonNode fit = cj.get("fit");
        assertThat(c.hasPrediction()).isEqualTo(!fit.isNull());
        if (c.hasPrediction()) {
          number(
              "predicted_loss",
              fit.get("predicted_loss"),
              c.getPrediction()::hasPredictedLoss,
              c.getPrediction()::getPredictedLoss);
          number(
              "predicted_lower",
              fit.get("predicted_lower"),
              c.getPrediction()::hasPredictedLower,
              c.getPrediction()::getPredictedLower);
          number(
              "predicted_upper",
              fit.get("predicted_upper"),
              c.getPrediction()::hasPredictedUpper,
              c.getPrediction()::getPredictedUpper);
          assertThat(c.getPrediction().getReliable()).isEqualTo(fit.get("reliable").asBoolean());
          assertThat(c.getPrediction().getPredictAt()).isEqualTo(fit.get("predict_at").asLong());
        }
      }
    }
  }
}
