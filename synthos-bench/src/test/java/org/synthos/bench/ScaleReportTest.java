package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.bench.ScaleOptions.Mode;

@Tag("unit")
class ScaleReportTest {
  private static final GpuProbe.Usage NO_GPU =
      new GpuProbe.Usage(false, "absent", OptionalDouble.empty(), OptionalLong.empty(), 0);

  private static ProcessProbe.Measure measure(double wall, double cpu, long rss) {
    return new ProcessProbe.Measure(
        0, wall, OptionalDouble.of(cpu), OptionalLong.of(rss), 0.1, 1.0, NO_GPU, "", "");
  }

  private static ScaleRun run(Mode mode, long rows, double wall, double cpu, double work) {
    ScaleRun.DuckRun duck =
        new ScaleRun.DuckRun(work / 1.5, 0.5, measure(wall / 1.2, cpu, 200L << 20));
    return new ScaleRun(
        "synthetic",
        mode,
        "csv",
        rows,
        20,
        rows * 150,
        rows,
        "1g",
        "ok",
        List.of(wall),
        Optional.of(measure(wall, cpu, 600L << 20)),
        Optional.of(new GcLog(OptionalLong.of(400L << 20), OptionalLong.of(90L << 20), 10, 0.2)),
        Map.of("profile", work),
        Map.of(),
        Optional.of(duck));
  }

  private static ScaleReport report(List<Mode> modes, List<ScaleRun> runs) {
    ScaleOptions o =
        ScaleOptions.parse(new String[] {"--formats", "csv", "--sizes", "1000000,10000000"});
    o =
        new ScaleOptions(
            o.sizes(),
            o.columns(),
            o.formats(),
            modes,
            o.xmx(),
            1,
            1,
            o.jar(),
            o.launcher(),
            o.out(),
            null,
            true,
            o.real(),
            o.jvmOptions(),
            0);
    ScaleReport r = new ScaleReport(BenchResults.header("scale", new String[0]), o);
    runs.forEach(r::add);
    return r;
  }

  private static String result(ScaleReport r, String targetPrefix) {
    return r.targets().stream()
        .filter(v -> v.target().startsWith(targetPrefix))
        .findFirst()
        .orElseThrow()
        .result();
  }

  @Test
  void linearCostPassesAtElevenTimesAndFailsAbove() {
    ScaleReport pass =
        report(
            List.of(Mode.PROFILE),
            List.of(
                run(Mode.PROFILE, 1_000_000, 4, 7, 3), run(Mode.PROFILE, 10_000_000, 44, 80, 40)));
    assertThat(result(pass, "linear: profile csv")).isEqualTo("PASS");
    ScaleReport fail =
        report(
            List.of(Mode.PROFILE),
            List.of(
                run(Mode.PROFILE, 1_000_000, 4, 7, 3), run(Mode.PROFILE, 10_000_000, 45, 80, 40)));
    assertThat(result(fail, "linear: profile csv")).isEqualTo("FAIL");
  }

  @Test
  void profilingIsComparedWithSummarizeOnTheWorkNotTheJvmStart() {
    ScaleReport r = report(List.of(Mode.PROFILE), List.of(run(Mode.PROFILE, 1_000_000, 4, 7, 3)));
    // work 3 s against SUMMARIZE 2 s: 1.5x
    assertThat(result(r, "profile csv 1M within 2x")).isEqualTo("PASS");
    assertThat(result(r, "profile csv 10M within 2x")).isEqualTo("NOT MEASURED");
  }

  @Test
  void theBigValidationNeedsBothCores() {
    ScaleReport busy =
        report(
            List.of(Mode.VALIDATE_REF), List.of(run(Mode.VALIDATE_REF, 10_000_000, 100, 180, 90)));
    assertThat(result(busy, "bounded memory")).isEqualTo("PASS");
    ScaleReport idle =
        report(
            List.of(Mode.VALIDATE_REF), List.of(run(Mode.VALIDATE_REF, 10_000_000, 100, 120, 90)));
    assertThat(result(idle, "bounded memory")).isEqualTo("FAIL");
    assertThat(result(report(List.of(Mode.VALIDATE_REF), List.of()), "bounded memory"))
        .isEqualTo("NOT MEASURED");
  }

  @Test
  void writesJsonMarkdownAndBothCharts(@TempDir Path dir) throws Exception {
    ScaleReport r =
        report(
            List.of(Mode.PROFILE),
            List.of(
                run(Mode.PROFILE, 1_000_000, 4, 7, 3), run(Mode.PROFILE, 10_000_000, 44, 80, 40)));
    r.write(dir, dir.resolve("img"));
    var json = BenchResults.MAPPER.readTree(dir.resolve("scale.json").toFile());
    assertThat(json.path("runs")).hasSize(2);
    assertThat(
            json.path("runs").get(0).path("ratio_to_duckdb").path("work_to_summarize").asDouble())
        .isEqualTo(1.5);
    assertThat(json.path("runs").get(0).path("gpu").path("present").asBoolean()).isFalse();
    assertThat(json.path("targets")).isNotEmpty();
    String md = java.nio.file.Files.readString(dir.resolve("scale.md"));
    assertThat(md).contains("| synthetic | profile | csv | 10M | all |");
    List<String> table =
        md.lines().filter(l -> l.startsWith("| ") && l.contains("synthetic")).toList();
    String header = md.lines().filter(l -> l.startsWith("| dataset")).findFirst().orElseThrow();
    for (String row : table) {
      assertThat(row.chars().filter(c -> c == '|').count())
          .isEqualTo(header.chars().filter(c -> c == '|').count());
    }
    for (String f :
        List.of("scale-time.png", "scale-time.svg", "scale-memory.png", "scale-memory.svg")) {
      assertThat(dir.resolve("img").resolve(f)).isNotEmptyFile();
    }
  }
}
