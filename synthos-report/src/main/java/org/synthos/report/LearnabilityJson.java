package org.synthos.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.synthos.core.assess.Learnability;

/** The report's {@code results.learnability} section (docs/report-schema.md). */
final class LearnabilityJson {
  private LearnabilityJson() {}

  static ObjectNode of(Learnability l) {
    ObjectNode o = Json.object();
    Json.putText(o, "not_applicable", l.notApplicable());
    o.put("budget_millis", l.budgetMillis());
    o.put("predict_at", l.predictAt());
    o.put("device", l.device());
    ArrayNode targets = o.putArray("targets");
    for (Learnability.Target t : l.targets()) {
      ObjectNode x = targets.addObject();
      x.put("column", t.column());
      x.put("task", t.task().key());
      x.put("chosen_by", t.chosenBy());
      Json.putText(x, "skipped", t.skipped());
      x.put("train_rows", t.trainRows());
      x.put("test_rows", t.testRows());
      Json.putText(x, "metric", t.metric());
      Json.put(x, "tstr", t.tstr());
      Json.put(x, "trtr", t.trtr());
      Json.put(x, "tstr_train", t.tstrTrain());
      Json.put(x, "trtr_train", t.trtrTrain());
      ArrayNode curves = x.putArray("curves");
      for (Learnability.Curve c : t.curves()) {
        curves.add(curve(c));
      }
    }
    return o;
  }

  private static ObjectNode curve(Learnability.Curve c) {
    ObjectNode o = Json.object();
    o.put("tier", c.tier());
    o.put("model", c.model());
    o.put("loss", c.lossName());
    Json.putText(o, "skipped", c.skipped());
    o.put("device", c.device());
    ArrayNode points = o.putArray("points");
    for (int k = 0; k < c.sizes().length; k++) {
      ObjectNode p = points.addObject();
      p.put("train_rows", c.sizes()[k]);
      Json.put(p, "tstr_loss", c.tstrLoss()[k]);
      Json.put(p, "trtr_loss", c.trtrLoss()[k]);
    }
    Learnability.CurveFit f = c.fit();
    if (f == null) {
      o.putNull("fit");
      return o;
    }
    ObjectNode fit = o.putObject("fit");
    Json.putText(fit, "family", f.family());
    Json.putText(fit, "formula", f.formula());
    ArrayNode params = fit.putArray("params");
    if (f.params() != null) {
      for (double p : f.params()) {
        params.add(Math.round(p * 1e6) / 1e6);
      }
    }
    fit.put("n_ref", f.referenceSize());
    fit.put("predict_at", f.predictAt());
    Json.put(fit, "predicted_loss", f.predicted());
    Json.put(fit, "predicted_lower", f.lower());
    Json.put(fit, "predicted_upper", f.upper());
    ObjectNode check = fit.putObject("held_out");
    check.put("train_rows", f.referenceSize());
    Json.put(check, "observed_loss", f.heldOutObserved());
    Json.put(check, "predicted_loss", f.heldOutPredicted());
    Json.put(check, "lower", f.heldOutLower());
    Json.put(check, "upper", f.heldOutUpper());
    check.put("within_interval", f.heldOutWithin());
    check.put("family_errors", f.heldOutErrors());
    fit.put("reliable", f.reliable());
    Json.putText(fit, "unreliable_because", f.unreliable());
    fit.put("flattened", f.flattened());
    Json.put(fit, "gain_at_double", f.gainAtDouble());
    ArrayNode curve = fit.putArray("curve");
    for (int i = 0; i < f.curveSizes().length; i++) {
      ObjectNode p = curve.addObject();
      Json.put(p, "train_rows", f.curveSizes()[i]);
      Json.put(p, "loss", f.curveLoss()[i]);
    }
    return o;
  }
}
