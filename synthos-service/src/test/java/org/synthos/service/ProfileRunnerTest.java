package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class ProfileRunnerTest {
  @TempDir Path dir;

  /** Records what the runner reports. */
  static class Recorder implements ProgressSink {
    final List<Double> percents = new ArrayList<>();
    final List<String> stagesDone = new ArrayList<>();

    @Override
    public void progress(String stage, double percent, long rowsDone) {
      percents.add(percent);
    }

    @Override
    public void stageDone(String stage, JsonNode result) {
      stagesDone.add(stage);
    }

    @Override
    public void checkpoint() {}
  }

  private ObjectNode run(Path file, Recorder r) {
    ValidationRequest req = ValidationRequest.of(file.getFileName().toString());
    return new ProfileRunner()
        .run(new ValidationRunner.Inputs("j", "v", "d", req, file, Optional.empty()), r)
        .report();
  }

  @Test
  void csvWithQuotesAndMissingValues() throws Exception {
    Path f = dir.resolve("q.csv");
    Files.writeString(
        f, "name,score,note\n\"Smith, J\",1.5,\"said \"\"hi\"\"\"\nLee,,\"two\nlines\"\nNg,2.5,\n");
    Recorder r = new Recorder();
    ObjectNode report = run(f, r);
    JsonNode cols = report.at("/internal/stages/profiling/columns");
    assertThat(report.at("/results/rows").asLong()).isEqualTo(3);
    assertThat(cols.get(0).get("distinct").asInt()).isEqualTo(3);
    JsonNode score = cols.get(1);
    assertThat(score.get("type").asText()).isEqualTo("float");
    assertThat(score.get("missing").asLong()).isEqualTo(1);
    assertThat(score.get("mean").asDouble()).isEqualTo(2.0);
    // Sample standard deviation of {1.5, 2.5}.
    assertThat(score.get("stddev").asDouble()).isCloseTo(Math.sqrt(0.5), offset(1e-12));
    assertThat(cols.get(2).get("missing").asLong()).isEqualTo(1);
    assertThat(r.stagesDone).containsExactly("profiling", "recommendations");
    assertThat(r.percents).isSorted();
  }

  @Test
  void gzippedJsonLinesWithAKeyAppearingLate() throws Exception {
    Path f = dir.resolve("d.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(
          "{\"a\":1}\n{\"a\":2,\"b\":\"x\"}\n{\"a\":null,\"b\":\"y\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    JsonNode cols = run(f, new Recorder()).at("/internal/stages/profiling/columns");
    assertThat(cols.get(0).get("numeric_count").asLong()).isEqualTo(2);
    assertThat(cols.get(0).get("missing").asLong()).isEqualTo(1);
    assertThat(cols.get(1).get("name").asText()).isEqualTo("b");
    assertThat(cols.get(1).get("missing").asLong()).isEqualTo(1);
  }

  @Test
  void inputErrorsKeepTheirCodeAndNameTheDatasetAsTheUserGaveIt() throws Exception {
    Path ragged = dir.resolve("r.csv");
    Files.writeString(ragged, "a,b\n1,2\n3,4,5\n");
    assertThatThrownBy(() -> run(ragged, new Recorder()))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code().code()).isBetween(1000, 1999);
              assertThat(e.location().orElseThrow().file()).isEqualTo("r.csv");
              assertThat(e.getMessage()).startsWith("r.csv").doesNotContain(dir.toString());
            });
    Path header = dir.resolve("h.csv");
    Files.writeString(header, "a,b\n");
    assertThatThrownBy(() -> run(header, new Recorder()))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_DATA_ROWS));
  }

  @Test
  void entropyOnlyWhereFrequenciesAreExact() throws Exception {
    Path f = Harness.csv(dir.resolve("wide.csv"), 3000, 9);
    ValidationRequest req = ValidationRequest.of("wide.csv");
    ValidationRunner.PhaseResult result =
        new ProfileRunner()
            .phase(
                ValidationRunner.Phase.DIVERSITY,
                new ValidationRunner.Inputs("j", "v", "d", req, f, Optional.empty()),
                new Recorder());
    JsonNode cols = ((ValidationRunner.PhaseResult.Ok) result).result().get("columns");
    assertThat(cols.get(1).has("entropy_bits")).isFalse();
    assertThat(cols.get(1).get("entropy_not_applicable").asText()).contains("categorical");
    // red is every third row: H = -(1/3 log2 1/3 + 2/3 log2 2/3) = 0.9183 bits.
    assertThat(cols.get(2).get("entropy_bits").asDouble()).isCloseTo(0.9183, offset(1e-4));
    assertThat(cols.get(2).get("normalized_entropy").asDouble()).isCloseTo(0.9183, offset(1e-4));
    assertThat(cols.get(3).get("distinct").asDouble()).isEqualTo(1.0);
  }

  @Test
  void aReferenceIsProfiledAsItsOwnStage() throws Exception {
    Path data = Harness.csv(dir.resolve("s.csv"), 100, 1);
    Path ref = Harness.csv(dir.resolve("r.csv"), 200, 2);
    ValidationRequest req =
        new ValidationRequest(
            "s.csv",
            Optional.of("r.csv"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Recorder r = new Recorder();
    ObjectNode report =
        new ProfileRunner()
            .run(new ValidationRunner.Inputs("j", "v", "d", req, data, Optional.of(ref)), r)
            .report();
    assertThat(report.at("/internal/stages/reference_profiling/rows").asLong()).isEqualTo(200);
    assertThat(r.stagesDone).containsExactly("profiling", "reference_profiling", "recommendations");
  }
}
