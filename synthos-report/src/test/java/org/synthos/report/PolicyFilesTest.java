package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Policy;

@Tag("unit")
class PolicyFilesTest {
  @Test
  void yamlRoundTripsToAnEqualPolicy() {
    Policy p = Policy.defaults();
    assertThat(PolicyFiles.parse(PolicyFiles.toYaml(p), "p.yaml")).isEqualTo(p);
  }

  @Test
  void keysLeftOutTakeTheDefaults(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("strict.yaml");
    Files.writeString(
        f,
        "version: 1\nname: strict\nmax_risk: 40\ndimensions:\n  memorisation_privacy: {warn_below: 95, fail_below: 90}\n");
    Policy p = PolicyFiles.load(f);
    assertThat(p.name()).isEqualTo("strict");
    assertThat(p.maxRisk()).isEqualTo(40);
    assertThat(p.threshold(Dimension.MEMORISATION_PRIVACY)).isEqualTo(new Policy.Threshold(95, 90));
    assertThat(p.threshold(Dimension.DISTRIBUTION_FIDELITY))
        .isEqualTo(Policy.defaults().threshold(Dimension.DISTRIBUTION_FIDELITY));
  }

  @Test
  void unknownKeysAreErrorsThatNameTheKey() {
    assertThatThrownBy(() -> PolicyFiles.parse("max_risc: 30\n", "p.yaml"))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
              assertThat(e.getMessage()).contains("p.yaml").contains("max_risc");
            });
    assertThatThrownBy(
            () ->
                PolicyFiles.parse(
                    "dimensions:\n  fidelity: {warn_below: 1, fail_below: 0}\n", "p.yaml"))
        .hasMessageContaining("unknown dimension 'fidelity'");
    // Found by fuzzing: an empty key under a dimension was a NullPointerException.
    assertThatThrownBy(
            () ->
                PolicyFiles.parse(
                    "dimensions:\n  learnability: {warn_below: 80, ? : 60}\n", "p.yaml"))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
        .hasMessageContaining("unknown key 'null' under dimension 'learnability'");
  }

  @Test
  void badValuesAndSyntaxAreClearErrors() {
    assertThatThrownBy(() -> PolicyFiles.parse("max_risk: high\n", "p.yaml"))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> PolicyFiles.parse("max_risk: 140\n", "p.yaml"))
        .hasMessageContaining("max_risk");
    assertThatThrownBy(
            () ->
                PolicyFiles.parse(
                    "dimensions:\n  learnability: {warn_below: 50, fail_below: 70}\n", "p.yaml"))
        .hasMessageContaining("fail_below <= warn_below");
    assertThatThrownBy(() -> PolicyFiles.parse("version: 2\n", "p.yaml"))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
    assertThatThrownBy(() -> PolicyFiles.parse("a: [1, 2\nb: 3\n", "p.yaml"))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY);
              assertThat(e.location()).hasValueSatisfying(l -> assertThat(l.line()).isPositive());
            });
  }

  @Test
  void missingFileIsAUserError(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicyFiles.load(dir.resolve("none.yaml")))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
  }

  @Test
  void columnTypesAreReadCheckedAndMergedIntoAPolicy() {
    String yaml = "max_risk: 40\ncolumn_types:\n  Name: text\n  key: id\n  zip: category\n";
    assertThat(PolicyFiles.parse(yaml, "p.yaml").maxRisk()).isEqualTo(40);
    assertThat(PolicyFiles.columnTypes(yaml, "p.yaml"))
        .containsExactly(
            java.util.Map.entry("Name", ColumnType.TEXT),
            java.util.Map.entry("key", ColumnType.IDENTIFIER),
            java.util.Map.entry("zip", ColumnType.CATEGORICAL));
    assertThat(PolicyFiles.columnTypes("default", "p")).isEmpty();
    assertThatThrownBy(() -> PolicyFiles.parse("column_types:\n  Name: prose\n", "p.yaml"))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
        .hasMessageContaining("column 'Name'")
        .hasMessageContaining("prose");
    assertThatThrownBy(() -> PolicyFiles.parse("column_types: [Name]\n", "p.yaml"))
        .hasMessageContaining("must map column names to types");

    // A request's types join the policy it names; a column in both takes the request's type.
    String merged =
        PolicyFiles.withColumnTypes(yaml, java.util.Map.of("zip", "numeric", "Title", "text"));
    assertThat(PolicyFiles.parse(merged, "p").maxRisk()).isEqualTo(40);
    assertThat(PolicyFiles.columnTypes(merged, "p"))
        .containsEntry("Name", ColumnType.TEXT)
        .containsEntry("zip", ColumnType.FLOAT)
        .containsEntry("Title", ColumnType.TEXT);
    for (String base : new String[] {"", "default"}) {
      String fromDefault = PolicyFiles.withColumnTypes(base, java.util.Map.of("key", "id"));
      assertThat(PolicyFiles.parse(fromDefault, "p")).isEqualTo(Policy.defaults());
      assertThat(PolicyFiles.columnTypes(fromDefault, "p"))
          .containsExactly(java.util.Map.entry("key", ColumnType.IDENTIFIER));
    }
    assertThat(PolicyFiles.withColumnTypes("default", java.util.Map.of())).isEqualTo("default");
    assertThatThrownBy(() -> PolicyFiles.withColumnTypes("strict", java.util.Map.of("k", "id")))
        .hasMessageContaining("column types need a policy document");
    assertThatThrownBy(() -> PolicyFiles.withColumnTypes("", java.util.Map.of("k", "prose")))
        .hasMessageContaining("prose");
  }
}
