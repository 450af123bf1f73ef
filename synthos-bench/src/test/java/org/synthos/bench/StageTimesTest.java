package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StageTimesTest {
  @Test
  void readsSecondsAndRowsFromTheProfileHeader() throws Exception {
    String out =
        "data/mixed-1000000x20.csv: csv, 1,000,000 rows, 20 columns, 0 invalid cells (18.52 s)\n\ncolumn type\n";
    assertThat(StageTimes.fromProfileText(out)).containsEntry("profile", 18.52);
    assertThat(StageTimes.rowsFromProfileText(out)).hasValue(1_000_000);
  }

  @Test
  void findsTheHeaderAfterLinesTheJvmPrinted() {
    String out =
        "[2.874s][info][jfr,startup] Started recording 1.\n"
            + "f.parquet: parquet, 10,000,000 rows, 20 columns, 0 invalid cells (48.69 s)\n";
    assertThat(StageTimes.fromProfileText(out)).containsEntry("profile", 48.69);
    assertThat(StageTimes.rowsFromProfileText(out)).hasValue(10_000_000);
  }

  @Test
  void anUnrecognisedHeaderGivesNoStage() {
    assertThat(StageTimes.fromProfileText("{\"rows\": 3}")).isEmpty();
    assertThat(StageTimes.rowsFromProfileText("")).isEmpty();
  }

  @Test
  void collectsEveryTimedStageOfAReport() throws Exception {
    String report =
        "{\"summary\": {\"total_time_seconds\": 9.5},"
            + " \"internal\": {\"stages\": {"
            + "\"data_loading\": {\"loaded\": true, \"time_seconds\": 4.0},"
            + "\"profiling\": {\"seconds\": 3.5},"
            + "\"decision\": {\"approved\": true}}}}";
    var stages = StageTimes.fromReport(BenchResults.MAPPER.readTree(report));
    assertThat(stages)
        .containsEntry("data_loading", 4.0)
        .containsEntry("profiling", 3.5)
        .containsEntry("total", 9.5)
        .doesNotContainKey("decision");
  }

  @Test
  void readsTheValidateReportSchema() throws Exception {
    String report =
        "{\"provenance\": {\"candidate\": {\"rows\": 10000000, \"rows_analysed\": 1000000},"
            + " \"reference\": null},"
            + " \"internal\": {\"stages\": [{\"name\": \"profile\", \"millis\": 41250},"
            + " {\"name\": \"decision\", \"millis\": 3}], \"total_millis\": 52000}}";
    var json = BenchResults.MAPPER.readTree(report);
    assertThat(StageTimes.fromReport(json))
        .containsEntry("profile", 41.25)
        .containsEntry("decision", 0.003)
        .containsEntry("total", 52.0);
    assertThat(StageTimes.rowCounts(json))
        .containsEntry("candidate_rows", 10_000_000L)
        .containsEntry("candidate_rows_analysed", 1_000_000L)
        .hasSize(2);
  }
}
