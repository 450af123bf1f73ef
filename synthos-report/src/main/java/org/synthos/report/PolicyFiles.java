package org.synthos.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Policy;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Policy files in YAML (docs/policy.md). Keys left out take the default policy's values; unknown
 * keys are errors, so a typo never silently loosens a policy.
 */
public final class PolicyFiles {
  /**
   * The key of the per-column type overrides ({@code column: text|identifier|categorical|...}, or
   * the roles id, category, numeric): what {@code synthos validate --type} does, for a policy.
   */
  public static final String COLUMN_TYPES = "column_types";

  private static final Set<String> TOP =
      Set.of(
          "version",
          "name",
          "max_risk",
          "max_invalid_share",
          "duplicate_tolerance",
          "near_duplicate_tolerance",
          "dimensions",
          COLUMN_TYPES);

  private PolicyFiles() {}

  /** Reads a policy file; errors name the file and, for syntax errors, the line. */
  public static Policy load(Path file) {
    return parse(read(file), file.toString());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND, "policy file not found", Location.ofFile(file.toString()), e);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INVALID_POLICY,
          "cannot read the policy file: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }

  /** Parses policy YAML; {@code source} names it in errors. */
  public static Policy parse(String yaml, String source) {
    Object doc = load(yaml, source);
    Policy d = Policy.defaults();
    if (doc == null) {
      return d;
    }
    if (!(doc instanceof Map<?, ?> map)) {
      throw invalid(source, "a policy must be a mapping of keys to values");
    }
    return parse(map, d, source);
  }

  private static Object load(String yaml, String source) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (MarkedYAMLException e) {
      Location at = Location.ofFile(source).withLine(e.getProblemMark().getLine() + 1);
      throw new SynthosException(
          ErrorCode.INVALID_POLICY, "not valid YAML: " + e.getProblem(), at, e);
    } catch (YAMLException e) {
      throw new SynthosException(
          ErrorCode.INVALID_POLICY,
          "not valid YAML: " + e.getMessage(),
          Location.ofFile(source),
          e);
    }
  }

  private static Policy parse(Map<?, ?> map, Policy d, String source) {
    for (Object k : map.keySet()) {
      if (!TOP.contains(String.valueOf(k))) {
        throw invalid(
            source, "unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(TOP));
      }
    }
    columnTypes(map, source);
    int version = (int) number(map, "version", d.version(), source);
    Map<Dimension, Policy.Threshold> thresholds = new EnumMap<>(d.thresholds());
    Object dims = map.get("dimensions");
    if (dims != null) {
      if (!(dims instanceof Map<?, ?> dm)) {
        throw invalid(source, "'dimensions' must map dimension names to thresholds");
      }
      for (Map.Entry<?, ?> e : dm.entrySet()) {
        Dimension dim = Dimension.fromKey(String.valueOf(e.getKey()));
        if (dim == null) {
          throw invalid(source, "unknown dimension '" + e.getKey() + "'");
        }
        if (!(e.getValue() instanceof Map<?, ?> t)) {
          throw invalid(source, "dimension '" + e.getKey() + "' needs warn_below and fail_below");
        }
        for (Object k : t.keySet()) {
          // A YAML key may be null (an empty key, an anchor with no name): compare from the
          // constants.
          if (!"warn_below".equals(k) && !"fail_below".equals(k)) {
            throw invalid(source, "unknown key '" + k + "' under dimension '" + e.getKey() + "'");
          }
        }
        Policy.Threshold base = thresholds.get(dim);
        thresholds.put(
            dim,
            threshold(
                number(t, "warn_below", base.warnBelow(), source),
                number(t, "fail_below", base.failBelow(), source),
                source));
      }
    }
    Object name = map.get("name");
    try {
      return new Policy(
          name == null ? "custom" : String.valueOf(name),
          version,
          number(map, "max_risk", d.maxRisk(), source),
          thresholds,
          number(map, "max_invalid_share", d.maxInvalidShare(), source),
          number(map, "duplicate_tolerance", d.duplicateTolerance(), source),
          number(map, "near_duplicate_tolerance", d.nearDuplicateTolerance(), source));
    } catch (SynthosException e) {
      throw new SynthosException(e.code(), e.getMessage(), Location.ofFile(source), e);
    }
  }

  private static Policy.Threshold threshold(double warn, double fail, String source) {
    try {
      return new Policy.Threshold(warn, fail);
    } catch (SynthosException e) {
      throw new SynthosException(e.code(), e.getMessage(), Location.ofFile(source), e);
    }
  }

  /** The column types a policy file names, in file order; empty when it names none. */
  public static Map<String, ColumnType> columnTypes(Path file) {
    return columnTypes(read(file), file.toString());
  }

  /**
   * The column types a policy document names, in document order; empty when it names none or is a
   * policy name rather than a document.
   */
  public static Map<String, ColumnType> columnTypes(String yaml, String source) {
    Object doc = load(yaml, source);
    return doc instanceof Map<?, ?> map ? columnTypes(map, source) : Map.of();
  }

  private static Map<String, ColumnType> columnTypes(Map<?, ?> map, String source) {
    Object v = map.get(COLUMN_TYPES);
    Map<String, ColumnType> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Map<?, ?> types)) {
      throw invalid(source, "'" + COLUMN_TYPES + "' must map column names to types");
    }
    for (Map.Entry<?, ?> e : types.entrySet()) {
      try {
        out.put(String.valueOf(e.getKey()), ColumnType.fromLabel(String.valueOf(e.getValue())));
      } catch (SynthosException x) {
        throw invalid(source, "column '" + e.getKey() + "': " + x.getMessage());
      }
    }
    return out;
  }

  /**
   * A policy (empty, the default policy's name, or a YAML document) with {@code types} added under
   * {@value #COLUMN_TYPES} (a column named in both takes the type given here), as a YAML document:
   * how the service carries a request's column types with its policy.
   */
  public static String withColumnTypes(String policy, Map<String, String> types) {
    if (types.isEmpty()) {
      return policy;
    }
    String text = policy == null ? "" : policy.strip();
    Map<String, Object> doc = new LinkedHashMap<>();
    if (text.isEmpty() || text.equals(Policy.defaults().name())) {
      doc.put("name", Policy.defaults().name());
    } else {
      if (!(load(text, "policy") instanceof Map<?, ?> given)) {
        throw invalid(
            "policy",
            "column types need a policy document or the policy '"
                + Policy.defaults().name()
                + "', got '"
                + text
                + "'");
      }
      given.forEach((k, v) -> doc.put(String.valueOf(k), v));
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    if (doc.get(COLUMN_TYPES) instanceof Map<?, ?> old) {
      old.forEach((k, v) -> merged.put(String.valueOf(k), v));
    }
    merged.putAll(types);
    doc.put(COLUMN_TYPES, merged);
    String yaml = new Yaml(new SafeConstructor(new LoaderOptions())).dumpAsMap(doc);
    parse(yaml, "policy");
    return yaml;
  }

  /** The policy as YAML that {@link #parse} reads back to an equal policy. */
  public static String toYaml(Policy p) {
    StringBuilder sb = new StringBuilder();
    sb.append("version: ").append(p.version()).append('\n');
    sb.append("name: ").append(quote(p.name())).append('\n');
    sb.append("max_risk: ").append(fmt(p.maxRisk())).append('\n');
    sb.append("max_invalid_share: ").append(fmt(p.maxInvalidShare())).append('\n');
    sb.append("duplicate_tolerance: ").append(fmt(p.duplicateTolerance())).append('\n');
    sb.append("near_duplicate_tolerance: ").append(fmt(p.nearDuplicateTolerance())).append('\n');
    sb.append("dimensions:\n");
    Map<Dimension, Policy.Threshold> t = new LinkedHashMap<>(p.thresholds());
    t.forEach(
        (d, th) ->
            sb.append("  ")
                .append(d.key())
                .append(": {warn_below: ")
                .append(fmt(th.warnBelow()))
                .append(", fail_below: ")
                .append(fmt(th.failBelow()))
                .append("}\n"));
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static double number(Map<?, ?> map, String key, double fallback, String source) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw invalid(source, "'" + key + "' must be a number, got '" + v + "'");
  }

  private static SynthosException invalid(String source, String message) {
    return new SynthosException(ErrorCode.INVALID_POLICY, message, Location.ofFile(source));
  }
}
