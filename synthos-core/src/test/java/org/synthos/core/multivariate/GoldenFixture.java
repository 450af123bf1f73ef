package org.synthos.core.multivariate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the plain-text fixtures written by {@code tools/golden/mv_common.py}. */
public final class GoldenFixture {
  private final Map<String, double[][]> matrices = new HashMap<>();
  private final Map<String, double[]> vectors = new HashMap<>();
  private final Map<String, Double> values = new HashMap<>();
  private final Map<String, List<String[]>> tables = new HashMap<>();

  private GoldenFixture() {}

  public static GoldenFixture load(String name) {
    GoldenFixture f = new GoldenFixture();
    try (InputStream in = GoldenFixture.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] p = line.split(" ");
        switch (p[0]) {
          case "matrix" -> {
            int rows = Integer.parseInt(p[2]);
            double[][] m = new double[rows][];
            for (int i = 0; i < rows; i++) {
              m[i] = parse(r.readLine());
            }
            f.matrices.put(p[1], m);
          }
          case "vector" ->
              f.vectors.put(
                  p[1], Integer.parseInt(p[2]) == 0 ? new double[0] : parse(r.readLine()));
          case "value" -> f.values.put(p[1], Double.parseDouble(p[2]));
          case "table" -> {
            int rows = Integer.parseInt(p[2]);
            List<String[]> t = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
              t.add(r.readLine().split("\t", -1));
            }
            f.tables.put(p[1], t);
          }
          default -> throw new IllegalStateException("unknown fixture line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  private static double[] parse(String line) {
    String[] p = line.trim().split(" ");
    double[] v = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Double.parseDouble(p[i]);
    }
    return v;
  }

  public EncodedSample sample(String name) {
    return EncodedSample.of(matrix(name));
  }

  public double[][] matrix(String name) {
    double[][] m = matrices.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no matrix " + name);
    }
    return m;
  }

  public double[] vector(String name) {
    return vectors.get(name);
  }

  public double value(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no value " + name);
    }
    return v;
  }

  public List<String[]> table(String name) {
    return tables.get(name);
  }
}
