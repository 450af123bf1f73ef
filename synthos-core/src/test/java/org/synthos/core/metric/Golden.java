package org.synthos.core.metric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden fixtures under {@code src/test/resources/golden/} (written by {@code
 * tools/golden/*.py}): a minimal JSON reader, so core keeps no JSON library on its classpath.
 */
public final class Golden {
  private final String text;
  private int pos;

  private Golden(String text) {
    this.text = text;
  }

  /** The {@code cases} array of fixture {@code name}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing fixture golden/" + name + ".json");
      }
      Map<String, Object> doc =
          (Map<String, Object>)
              new Golden(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value();
      return (List<Map<String, Object>>) doc.get("cases");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  public static double number(Map<String, Object> m, String key) {
    return (Double) m.get(key);
  }

  /** A numeric array; JSON null becomes NaN. */
  public static double[] doubles(Map<String, Object> m, String key) {
    List<?> l = (List<?>) m.get(key);
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = l.get(i) == null ? Double.NaN : (Double) l.get(i);
    }
    return out;
  }

  public static long[] longs(Map<String, Object> m, String key) {
    double[] d = doubles(m, key);
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (long) d[i];
    }
    return out;
  }

  public static int[] ints(Map<String, Object> m, String key) {
    double[] d = doubles(m, key);
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }

  public static String[] strings(Map<String, Object> m, String key) {
    return ((List<?>) m.get(key)).toArray(new String[0]);
  }

  private Object value() {
    skip();
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        pos += 4;
        return Boolean.TRUE;
      case 'f':
        pos += 5;
        return Boolean.FALSE;
      case 'n':
        pos += 4;
        return null;
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    skip();
    if (text.charAt(pos) == '}') {
      pos++;
      return m;
    }
    while (true) {
      skip();
      String key = string();
      skip();
      pos++; // ':'
      m.put(key, value());
      skip();
      if (text.charAt(pos++) == '}') {
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    pos++;
    skip();
    if (text.charAt(pos) == ']') {
      pos++;
      return l;
    }
    while (true) {
      l.add(value());
      skip();
      if (text.charAt(pos++) == ']') {
        return l;
      }
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'u' -> {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    return Double.parseDouble(text.substring(start, pos));
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
