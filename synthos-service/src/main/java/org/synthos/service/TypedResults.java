package org.synthos.service;

import java.util.List;
import java.util.function.DoubleConsumer;
import org.synthos.core.assess.CauseSummary;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Impact;
import org.synthos.core.assess.ValidationResult;
import org.synthos.v1.Check;
import org.synthos.v1.CollapseType;
import org.synthos.v1.CurvePoint;
import org.synthos.v1.Dimension;
import org.synthos.v1.Evidence;
import org.synthos.v1.FlaggedRow;
import org.synthos.v1.Learnability;
import org.synthos.v1.LearnabilityTarget;
import org.synthos.v1.LearningCurve;
import org.synthos.v1.Localisation;
import org.synthos.v1.NotApplicable;
import org.synthos.v1.NullBand;
import org.synthos.v1.Prediction;
import org.synthos.v1.Provenance;
import org.synthos.v1.Recommendation;
import org.synthos.v1.RootCause;
import org.synthos.v1.SourceInfo;
import org.synthos.v1.TypedReport;
import org.synthos.v1.Verdict;

/**
 * The engine's {@link ValidationResult} as the typed messages of synthos.v1, holding the same
 * values as the JSON report (synthos-report's {@code JsonReport}): doubles rounded to 6 decimals,
 * and a value the report writes as null (NaN, infinity) left unset. Text the report writes as null
 * is the empty string.
 */
final class TypedResults {
  private TypedResults() {}

  /** The whole report; the service's ids are set by the caller. */
  static TypedReport.Builder report(ValidationResult r) {
    TypedReport.Builder b =
        TypedReport.newBuilder()
            .setSchemaVersion(org.synthos.report.JsonReport.SCHEMA_VERSION)
            .setEngineValidationId(r.validationId())
            .setEngineDatasetId(r.datasetId())
            .setEngineVersion(r.engineVersion())
            .setVerdict(verdict(r))
            .addAllDimensions(dimensions(r.dimensions()))
            .setLocalisation(localisation(r))
            .addAllRecommendations(recommendations(r))
            .setLearnability(learnability(r.learnability()))
            .setProvenance(provenance(r));
    for (org.synthos.core.assess.Check c : r.checks()) {
      Check.Builder x =
          Check.newBuilder()
              .setName(c.kind().key())
              .setColumn(text(c.column()))
              .setStatus(c.status().key())
              .setCause(c.cause().key())
              .setDetail(c.detail());
      put(c.value(), x::setValue);
      put(c.limit(), x::setLimit);
      b.addChecks(x);
    }
    return b;
  }

  /** A double as the report writes it; nothing for NaN and infinities, which it writes as null. */
  static void put(double v, DoubleConsumer setter) {
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      setter.accept(Math.round(v * 1e6) / 1e6);
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  static Verdict verdict(ValidationResult r) {
    org.synthos.core.assess.Verdict v = r.verdict();
    Verdict.Builder b =
        Verdict.newBuilder()
            .setDecision(v.decision().key())
            .setRiskLevel(v.riskLevel().key())
            .setCollapseProbabilityMethod(v.collapseProbabilityMethod())
            .addAllReasons(v.reasons());
    put(v.confidence(), b::setConfidence);
    put(v.riskScore(), b::setRiskScore);
    put(v.collapseProbability(), b::setCollapseProbability);
    put(100 - v.riskScore(), b::setCollapseScore);
    v.collapseTypes().forEach(t -> b.addCollapseTypes(collapseType(t)));
    for (org.synthos.core.assess.RootCause rc : v.rootCauses()) {
      RootCause.Builder c = RootCause.newBuilder().setType(collapseType(rc.type()));
      put(rc.share(), c::setShare);
      b.addRootCauses(c);
    }
    return b.build();
  }

  private static CollapseType collapseType(org.synthos.core.assess.CollapseType t) {
    return CollapseType.newBuilder()
        .setType(t.key())
        .setCode(t.code())
        .setDescription(t.description())
        .build();
  }

  static List<Dimension> dimensions(List<DimensionResult> dims) {
    return dims.stream().map(TypedResults::dimension).toList();
  }

  static Dimension dimension(DimensionResult d) {
    Dimension.Builder b =
        Dimension.newBuilder().setKey(d.dimension().key()).setTitle(d.dimension().title());
    if (d instanceof DimensionResult.NotApplicable na) {
      return b.setStatus("not_applicable")
          .setNotApplicable(NotApplicable.newBuilder().setReason(na.reason()))
          .build();
    }
    DimensionResult.Scored s = (DimensionResult.Scored) d;
    b.setStatus(s.status().key());
    put(s.score(), b::setScore);
    put(s.warnBelow(), b::setWarnBelow);
    put(s.failBelow(), b::setFailBelow);
    for (org.synthos.core.assess.Evidence e : s.evidence()) {
      NullBand.Builder band = NullBand.newBuilder().setReplicates(e.nullBand().replicates());
      put(e.nullBand().mean(), band::setMean);
      put(e.nullBand().upper(), band::setUpper);
      Evidence.Builder x =
          Evidence.newBuilder()
              .setMeasure(e.measure().key())
              .setColumn(text(e.column()))
              .setRows(e.rows().key())
              .setNullBand(band)
              .setCause(e.cause() == null ? "" : e.cause().key())
              .setDetail(e.detail());
      put(e.value(), x::setValue);
      put(e.tolerance(), x::setTolerance);
      put(e.score(), x::setScore);
      b.addEvidence(x);
    }
    return b.build();
  }

  static Localisation localisation(ValidationResult r) {
    Localisation.Builder b =
        Localisation.newBuilder()
            .setFlaggedRows(r.flaggedRows().size())
            .setDistinctRows(r.flaggedRows().stream().mapToLong(f -> f.row()).distinct().count());
    for (CauseSummary c : r.localisation()) {
      b.addCauses(
          org.synthos.v1.CauseSummary.newBuilder()
              .setCause(c.cause().key())
              .setDescription(c.cause().description())
              .setRows(c.rows())
              .setGroups(c.groups())
              .addAllExampleRows(c.exampleRows())
              .setSummary(c.summary()));
    }
    return b.build();
  }

  static FlaggedRow flaggedRow(org.synthos.core.assess.FlaggedRow f) {
    return FlaggedRow.newBuilder()
        .setRow(f.row())
        .setCause(f.cause().key())
        .setGroup(f.group())
        .setReason(f.reason())
        .build();
  }

  static List<Recommendation> recommendations(ValidationResult r) {
    return r.recommendations().stream().map(TypedResults::recommendation).toList();
  }

  private static Recommendation recommendation(org.synthos.core.assess.Recommendation rec) {
    org.synthos.v1.Impact.Builder impact = org.synthos.v1.Impact.newBuilder();
    if (rec.impact() instanceof Impact.Measured m) {
      impact
          .setMeasured(true)
          .setDecisionAfter(m.decisionAfter().key())
          .setRowsRemoved(m.rowsRemoved())
          .setColumnsRemoved(m.columnsRemoved())
          .setApplied(m.applied());
      put(m.riskBefore(), impact::setRiskBefore);
      put(m.riskAfter(), impact::setRiskAfter);
      put(m.riskBefore() - m.riskAfter(), impact::setRiskReduction);
    } else {
      impact.setMeasured(false).setReason(((Impact.NotMeasured) rec.impact()).reason());
    }
    return Recommendation.newBuilder()
        .setId(rec.id())
        .setTitle(rec.title())
        .setAction(rec.action())
        .setPriority(rec.priority().key())
        .addAllAddresses(rec.addresses().stream().map(d -> d.key()).toList())
        .setTrigger(rec.trigger())
        .setImpact(impact)
        .build();
  }

  static Learnability learnability(org.synthos.core.assess.Learnability l) {
    Learnability.Builder b =
        Learnability.newBuilder()
            .setNotApplicable(text(l.notApplicable()))
            .setBudgetMillis(l.budgetMillis())
            .setPredictAt(l.predictAt())
            .setDevice(l.device());
    for (org.synthos.core.assess.Learnability.Target t : l.targets()) {
      LearnabilityTarget.Builder x =
          LearnabilityTarget.newBuilder()
              .setColumn(t.column())
              .setTask(t.task().key())
              .setChosenBy(t.chosenBy())
              .setSkipped(text(t.skipped()))
              .setTrainRows(t.trainRows())
              .setTestRows(t.testRows())
              .setMetric(text(t.metric()));
      put(t.tstr(), x::setTstr);
      put(t.trtr(), x::setTrtr);
      put(t.tstrTrain(), x::setTstrTrain);
      put(t.trtrTrain(), x::setTrtrTrain);
      t.curves().forEach(c -> x.addCurves(curve(c)));
      b.addTargets(x);
    }
    return b.build();
  }

  private static LearningCurve curve(org.synthos.core.assess.Learnability.Curve c) {
    LearningCurve.Builder b =
        LearningCurve.newBuilder()
            .setTier(c.tier())
            .setModel(c.model())
            .setLoss(c.lossName())
            .setSkipped(text(c.skipped()))
            .setDevice(c.device());
    for (int k = 0; k < c.sizes().length; k++) {
      CurvePoint.Builder p = CurvePoint.newBuilder().setTrainRows(c.sizes()[k]);
      put(c.tstrLoss()[k], p::setTstrLoss);
      put(c.trtrLoss()[k], p::setTrtrLoss);
      b.addPoints(p);
    }
    org.synthos.core.assess.Learnability.CurveFit f = c.fit();
    if (f != null) {
      Prediction.Builder p =
          Prediction.newBuilder()
              .setFamily(text(f.family()))
              .setFormula(text(f.formula()))
              .setNRef(f.referenceSize())
              .setPredictAt(f.predictAt())
              .setReliable(f.reliable())
              .setUnreliableBecause(text(f.unreliable()))
              .setFlattened(f.flattened())
              .setHeldOutWithinInterval(f.heldOutWithin());
      put(f.predicted(), p::setPredictedLoss);
      put(f.lower(), p::setPredictedLower);
      put(f.upper(), p::setPredictedUpper);
      put(f.gainAtDouble(), p::setGainAtDouble);
      put(f.heldOutObserved(), p::setHeldOutObservedLoss);
      put(f.heldOutPredicted(), p::setHeldOutPredictedLoss);
      put(f.heldOutLower(), p::setHeldOutLower);
      put(f.heldOutUpper(), p::setHeldOutUpper);
      b.setPrediction(p);
    }
    return b.build();
  }

  private static Provenance provenance(ValidationResult r) {
    Provenance.Builder b =
        Provenance.newBuilder()
            .setCandidate(source(r.candidate()))
            .setTargetColumn(text(r.options().targetColumn()))
            .setSeed(r.options().seed())
            .setPolicyName(r.options().policy().name())
            .setPolicyVersion(r.options().policy().version());
    r.referenceInfo().ifPresent(s -> b.setReference(source(s)));
    return b.build();
  }

  private static SourceInfo source(org.synthos.core.assess.SourceInfo s) {
    return SourceInfo.newBuilder()
        .setUri(s.uri())
        .setSha256(text(s.sha256()))
        .setContentSha256(s.contentSha256())
        .setSizeBytes(s.sizeBytes())
        .setRows(s.rows())
        .setRowsAnalysed(s.rowsAnalysed())
        .build();
  }
}
