package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.v1.SubmitRequest;

/**
 * Column types sent with a gRPC or HTTP submit, or in the policy document, reach the readers that
 * open the job's files, as {@code synthos validate --type} does; bad types are refused at submit.
 */
@Tag("unit")
class ColumnTypesRequestTest {
  private static final Path CREDIT = Path.of("..", "examples", "credit-g.csv");

  private static DatasetSource opened(ValidationRequest r) {
    return AssessmentRunner.source(CREDIT, "credit-g.csv", r.readOptions(), s -> {});
  }

  private static ColumnType typeOf(DatasetSource s, String column) {
    return s.schema().field(s.schema().indexOf(column).orElseThrow()).type();
  }

  @Test
  void grpcColumnTypesJoinThePolicyAndTypeTheColumns() {
    ValidationRequest r =
        GrpcApi.request(
            SubmitRequest.newBuilder()
                .setDatasetUri("credit-g.csv")
                .setPolicy("max_risk: 40\ncolumn_types:\n  purpose: text\n")
                .putColumnTypes("duration", "category")
                .putColumnTypes("credit_amount", "id")
                .build());
    assertThat(AssessmentRunner.policy(r.policy()).maxRisk()).isEqualTo(40);
    DatasetSource s = opened(r);
    assertThat(typeOf(s, "purpose")).isEqualTo(ColumnType.TEXT);
    assertThat(typeOf(s, "duration")).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(typeOf(s, "credit_amount")).isEqualTo(ColumnType.IDENTIFIER);
    assertThat(typeOf(s, "age")).isEqualTo(ColumnType.INTEGER);

    // Without types the request is as before: the policy untouched, the types inferred.
    ValidationRequest plain =
        GrpcApi.request(SubmitRequest.newBuilder().setDatasetUri("credit-g.csv").build());
    assertThat(plain.policy()).isEmpty();
    assertThat(typeOf(opened(plain), "duration")).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void httpColumnTypesTypeTheColumnsAndBadOnesAreRefused() {
    ValidationRequest r =
        HttpApi.parseSubmit(
            "{\"dataset_uri\":\"credit-g.csv\",\"column_types\":{\"duration\":\"category\"}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(AssessmentRunner.policy(r.policy()).name()).isEqualTo("default");
    assertThat(typeOf(opened(r), "duration")).isEqualTo(ColumnType.CATEGORICAL);

    assertThatThrownBy(
            () ->
                HttpApi.parseSubmit(
                    "{\"dataset_uri\":\"a.csv\",\"column_types\":{\"duration\":\"prose\"}}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY))
        .hasMessageContaining("prose");
    assertThatThrownBy(
            () ->
                HttpApi.parseSubmit(
                    "{\"dataset_uri\":\"a.csv\",\"column_types\":[\"duration\"]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(
            () ->
                GrpcApi.request(
                    SubmitRequest.newBuilder()
                        .setDatasetUri("a.csv")
                        .setPolicy("strict")
                        .putAllColumnTypes(Map.of("duration", "text"))
                        .build()))
        .hasMessageContaining("column types need a policy document");
  }
}
