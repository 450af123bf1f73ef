package org.synthos.core.signature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.Measure;

/**
 * A signature as one line of JSON, the form of a library file line and of the service's stored
 * signature: {@code {"format":1,"validation_id","dataset_sha256","decision","risk",
 * "collapse_types":[..],"features":{key:value},"measures":{key:z}}}, keys in a fixed order and
 * numbers written so that they read back to the same double. {@code decode(encode(s)).equals(s)}. A
 * newer format is refused with UNSUPPORTED_VERSION, anything malformed with MALFORMED_RECORD.
 */
public final class SignatureCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SignatureCodec() {}

  /** The signature as a JSON object. */
  public static ObjectNode toJson(Signature s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", Signature.FORMAT);
    o.put("validation_id", s.validationId());
    o.put("dataset_sha256", s.datasetSha256());
    o.put("decision", s.decision().key());
    o.put("risk", s.risk());
    ArrayNode types = o.putArray("collapse_types");
    s.collapseTypes().forEach(t -> types.add(t.key()));
    ObjectNode features = o.putObject("features");
    s.features().asMap().forEach((f, v) -> features.put(f.key(), v));
    ObjectNode measures = o.putObject("measures");
    s.measures().forEach((m, z) -> measures.put(m.key(), z));
    return o;
  }

  /** One line of JSON, without the line break. */
  public static String encode(Signature s) {
    try {
      return JSON.writeValueAsString(toJson(s));
    } catch (JsonProcessingException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "cannot write a signature", null, e);
    }
  }

  /** Parses {@link #encode}'s form. */
  public static Signature decode(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw malformed("not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw malformed("not a JSON object");
    }
    int format = n.path("format").asInt(-1);
    if (format > Signature.FORMAT) {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_VERSION,
          "signature format " + format + " is newer than this build's " + Signature.FORMAT);
    }
    if (format != Signature.FORMAT) {
      throw malformed("format must be " + Signature.FORMAT + ", got " + n.path("format"));
    }
    double[] values = new double[Feature.values().length];
    JsonNode features = object(n, "features");
    for (Feature f : Feature.values()) {
      JsonNode v = features.get(f.key());
      if (v == null || !v.isNumber()) {
        throw malformed("feature " + f.key() + " is missing");
      }
      values[f.ordinal()] = v.asDouble();
    }
    Map<Measure, Double> measures = new EnumMap<>(Measure.class);
    for (Map.Entry<String, JsonNode> e : object(n, "measures").properties()) {
      Measure m = Measure.fromKey(e.getKey());
      if (m == null || !e.getValue().isNumber()) {
        throw malformed("unknown measure or non-number: " + e.getKey());
      }
      measures.put(m, e.getValue().asDouble());
    }
    List<CollapseType> types = new ArrayList<>();
    JsonNode t = n.get("collapse_types");
    if (t == null || !t.isArray()) {
      throw malformed("collapse_types must be an array");
    }
    for (JsonNode k : t) {
      types.add(collapseType(k.asText()));
    }
    JsonNode risk = n.get("risk");
    if (risk == null || !risk.isNumber()) {
      throw malformed("risk must be a number");
    }
    try {
      return new Signature(
          text(n, "validation_id"),
          text(n, "dataset_sha256"),
          ProfileFeatures.of(values),
          measures,
          decision(text(n, "decision")),
          risk.asDouble(),
          types);
    } catch (IllegalArgumentException | SynthosException e) {
      throw malformed(e.getMessage());
    }
  }

  private static JsonNode object(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw malformed(field + " must be an object");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw malformed(field + " must be a string");
    }
    return v.asText();
  }

  private static Decision decision(String key) {
    for (Decision d : Decision.values()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    throw malformed("unknown decision '" + key + "'");
  }

  private static CollapseType collapseType(String key) {
    for (CollapseType c : CollapseType.values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    throw malformed("unknown collapse type '" + key + "'");
  }

  private static SynthosException malformed(String why) {
    return new SynthosException(ErrorCode.MALFORMED_RECORD, "bad signature: " + why);
  }
}
