package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ProfileCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void profilesTheBundledExampleAsATable() {
    SynthosCliTest.Result r =
        SynthosCliTest.run("profile", EXAMPLES.resolve("seattle-weather.csv").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("1,461 rows, 6 columns, 0 invalid cells")
        .contains("weather        categorical")
        .contains("rain 43.9%")
        .contains("2012-01-01 .. 2015-12-31 (by day)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonOutputAccountsForEveryRowAndColumn() throws IOException {
    SynthosCliTest.Result r =
        SynthosCliTest.run("profile", "--json", EXAMPLES.resolve("cars.jsonl").toString());
    assertThat(r.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("format").asText()).isEqualTo("jsonl");
    assertThat(root.get("rows").asLong()).isEqualTo(406);
    assertThat(root.get("columns")).hasSize(9);
    JsonNode mpg = root.get("columns").get(1);
    assertThat(mpg.get("name").asText()).isEqualTo("Miles_per_Gallon");
    assertThat(mpg.get("nulls").asLong()).isEqualTo(8);
    assertThat(mpg.get("numeric").get("min").asDouble()).isEqualTo(9.0);
    assertThat(mpg.get("numeric").get("max").asDouble()).isEqualTo(46.6);
  }

  @Test
  void invalidCellsAreCountedAndReported(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("mixed.csv");
    StringBuilder sb = new StringBuilder("x,y\n");
    for (int i = 0; i < 50; i++) {
      sb.append(i).append(',').append(i % 3).append('\n');
    }
    sb.append("oops,1\n");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    SynthosCliTest.Result r = SynthosCliTest.run("profile", "--json", f.toString());
    assertThat(r.exit()).isZero();
    JsonNode x = new ObjectMapper().readTree(r.out()).get("columns").get(0);
    assertThat(x.get("type").asText()).isEqualTo("integer");
    assertThat(x.get("invalid").asLong()).isEqualTo(1);
    assertThat(x.get("rows").asLong()).isEqualTo(51);
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    SynthosCliTest.Result r = SynthosCliTest.run("profile", "no/such/file.csv");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("no/such/file.csv").contains("1001");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void raggedRowNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("ragged.csv");
    Files.writeString(f, "a,b\n1,2\n3,4,5\n", StandardCharsets.UTF_8);
    SynthosCliTest.Result r = SynthosCliTest.run("profile", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("ragged.csv").contains("line 3");
  }

  @Test
  void unknownFormatOverrideIsAUserError() {
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "profile", "--format", "xlsx", EXAMPLES.resolve("penguins.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unsupported format 'xlsx'");
  }

  @Test
  void typeOverrideIsApplied() throws IOException {
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "profile",
            "--json",
            "--type",
            "Cylinders=categorical",
            EXAMPLES.resolve("cars.jsonl").toString());
    assertThat(r.exit()).isZero();
    JsonNode cyl = new ObjectMapper().readTree(r.out()).get("columns").get(2);
    assertThat(cyl.get("type").asText()).isEqualTo("categorical");
    assertThat(cyl.get("categories").get("top").get(0).get("value").asText()).isEqualTo("4");
  }
}
