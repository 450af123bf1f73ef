package org.synthos.core.signature;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pre-screen's answer as JSON, the same document for {@code synthos prescreen --json} and the
 * service's {@code POST /v1/prescreen}:
 *
 * <pre>
 * {"applicable": bool, "reason": str (only when not applicable), "dataset_sha256": str|null,
 *  "library_size": int, "min_similarity": 0.5, "bandwidth": 0.05,
 *  "features": {feature: value},
 *  "neighbours": [{"validation_id", "dataset_sha256", "similarity", "distance", "same_dataset",
 *                  "decision", "risk", "collapse_types": [..]}],
 *  "estimate": {"risk", "risk_low", "risk_high", "level": 0.9, "reject_probability",
 *               "reject_low", "reject_high", "neighbours_used", "effective_neighbours",
 *               "confident_decision": "approve"|"reject"|null} (only when applicable)}
 * </pre>
 */
public final class PreScreenJson {
  private PreScreenJson() {}

  public static ObjectNode toJson(
      PreScreen.Result result, ProfileFeatures features, String datasetSha256) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("applicable", result instanceof PreScreen.Estimate);
    if (result instanceof PreScreen.NotApplicable na) {
      o.put("reason", na.reason());
    }
    o.put("dataset_sha256", datasetSha256);
    o.put("library_size", result.librarySize());
    o.put("min_similarity", PreScreen.MIN_SIMILARITY);
    o.put("bandwidth", SignatureIndex.BANDWIDTH);
    ObjectNode f = o.putObject("features");
    features.asMap().forEach((k, v) -> f.put(k.key(), v));
    ArrayNode list = o.putArray("neighbours");
    for (SignatureIndex.Neighbour n : result.neighbours()) {
      ObjectNode j = list.addObject();
      j.put("validation_id", n.validationId());
      j.put("dataset_sha256", n.datasetSha256());
      j.put("similarity", n.similarity());
      j.put("distance", n.distance());
      j.put("same_dataset", n.sameDataset());
      j.put("decision", n.decision().key());
      j.put("risk", n.risk());
      ArrayNode types = j.putArray("collapse_types");
      n.collapseTypes().forEach(t -> types.add(t.key()));
    }
    if (result instanceof PreScreen.Estimate e) {
      ObjectNode est = o.putObject("estimate");
      est.put("risk", e.risk());
      est.put("risk_low", e.riskLow());
      est.put("risk_high", e.riskHigh());
      est.put("level", PreScreen.LEVEL);
      est.put("reject_probability", e.rejectProbability());
      est.put("reject_low", e.rejectLow());
      est.put("reject_high", e.rejectHigh());
      est.put("neighbours_used", e.used());
      est.put("effective_neighbours", e.effectiveNeighbours());
      if (e.confident().isPresent()) {
        est.put("confident_decision", e.confident().get().key());
      } else {
        est.putNull("confident_decision");
      }
    }
    return o;
  }
}
