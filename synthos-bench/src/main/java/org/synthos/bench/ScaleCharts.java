package org.synthos.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time and memory against rows, log-log, one line per mode and format plus DuckDB's SUMMARIZE,
 * written as PNG and SVG ({@code scale-time.*}, {@code scale-memory.*}). Only runs that completed
 * are drawn; a missing point is a run that failed or was not made.
 */
final class ScaleCharts {
  private ScaleCharts() {}

  static List<Path> write(List<ScaleRun> runs, Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(
        chart(
            runs,
            dir,
            "scale-time",
            "Wall time of one run (fresh JVM) against rows",
            "seconds",
            m -> m.wallSeconds()));
    files.addAll(
        chart(
            runs,
            dir,
            "scale-memory",
            "Peak resident memory of one run against rows",
            "peak RSS (MiB)",
            m -> m.peakRssBytes().orElse(0) / 1048576.0));
    return files;
  }

  private static List<Path> chart(
      List<ScaleRun> runs,
      Path dir,
      String name,
      String title,
      String yTitle,
      ToDoubleFunction<ProcessProbe.Measure> y)
      throws IOException {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (ScaleRun r : runs) {
      if (!r.synthetic() || !r.ok() || r.measure().isEmpty()) {
        continue;
      }
      String label = "Synthos " + r.mode().label + " " + r.format() + " (" + r.xmx() + " heap)";
      series
          .computeIfAbsent(label, k -> new ArrayList<>())
          .add(new double[] {r.rows(), y.applyAsDouble(r.measure().get())});
    }
    for (ScaleRun r : runs) {
      if (r.synthetic() && r.mode() == ScaleOptions.Mode.PROFILE && r.duckdb().isPresent()) {
        series
            .computeIfAbsent(
                "DuckDB SUMMARIZE " + r.format() + " (own JVM)", k -> new ArrayList<>())
            .add(new double[] {r.rows(), y.applyAsDouble(r.duckdb().get().measure())});
      }
    }
    XYChart chart =
        new XYChartBuilder()
            .width(960)
            .height(600)
            .title(title)
            .xAxisTitle("rows")
            .yAxisTitle(yTitle)
            .build();
    XYStyler s = chart.getStyler();
    s.setXAxisLogarithmic(true);
    s.setYAxisLogarithmic(true);
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setChartBackgroundColor(java.awt.Color.WHITE);
    s.setMarkerSize(7);
    s.setXAxisDecimalPattern("#,###");
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      List<double[]> points = e.getValue().stream().filter(p -> p[1] > 0).toList();
      if (points.isEmpty()) {
        continue;
      }
      double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
      double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
      var added = chart.addSeries(e.getKey(), xs, ys);
      if (e.getKey().startsWith("DuckDB")) {
        added.setMarker(SeriesMarkers.DIAMOND);
      }
    }
    Path base = dir.resolve(name);
    if (chart.getSeriesMap().isEmpty()) {
      return List.of();
    }
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg"));
  }
}
