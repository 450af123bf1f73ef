package org.synthos.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** Shared Jackson set-up: pretty output, exact decimals on read, sorted canonical form. */
final class Json {
  static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final ObjectMapper COMPACT = new ObjectMapper();
  static final ObjectMapper EXACT =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A double rounded to 6 decimals; NaN and infinities become null (JSON has neither). */
  static void put(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, Math.round(v * 1e6) / 1e6);
    }
  }

  static void putText(ObjectNode o, String key, String v) {
    if (v == null) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  static byte[] prettyBytes(JsonNode node) {
    try {
      byte[] body = PRETTY.writeValueAsBytes(node);
      byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
      out[body.length] = '\n';
      return out;
    } catch (JsonProcessingException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "cannot serialise a report: " + e.getOriginalMessage(), null, e);
    }
  }

  /**
   * The canonical bytes of a tree: object keys sorted at every level, compact, numbers as parsed
   * exactly. Parsing these bytes and canonicalising again gives the same bytes.
   */
  static byte[] canonical(JsonNode node) {
    try {
      JsonNode exact = EXACT.readTree(COMPACT.writeValueAsBytes(node));
      return COMPACT.writeValueAsBytes(sorted(exact));
    } catch (java.io.IOException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "cannot canonicalise JSON: " + e.getMessage(), null, e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = object();
      List<String> names = new ArrayList<>();
      Iterator<String> it = node.fieldNames();
      it.forEachRemaining(names::add);
      Collections.sort(names);
      for (String n : names) {
        out.set(n, sorted(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = array();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }
}
