package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.ErrorInfo;
import org.synthos.v1.JobRef;
import org.synthos.v1.JobState;
import org.synthos.v1.ListRequest;
import org.synthos.v1.PhaseRequest;
import org.synthos.v1.PhaseResponse;
import org.synthos.v1.ProgressEvent;
import org.synthos.v1.SubmitRequest;
import org.synthos.v1.ValidationServiceGrpc;
import org.synthos.v1.ValidationServiceGrpc.ValidationServiceBlockingStub;

@Tag("integration")
class GrpcMtlsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Certificates.Bundle certs;
  static Certificates.Bundle otherCa;
  static SynthosService service;
  static final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    certs = Certificates.generate(dir.resolve("certs"), Duration.ofDays(1));
    otherCa = Certificates.generate(dir.resolve("other"), Duration.ofDays(1));
    service =
        SynthosService.start(
            Harness.config(
                dir,
                "grpc.tls.cert",
                certs.serverCert().toString(),
                "grpc.tls.key",
                certs.serverKey().toString(),
                "grpc.tls.client_ca",
                certs.caCert().toString()));
    Harness.csv(dir.resolve("storage/in/d.csv"), 20_000, 3);
    Harness.csv(dir.resolve("storage/in/p.csv"), 2_000, 4);
  }

  @AfterAll
  static void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    service.close();
  }

  static ValidationServiceBlockingStub client(ChannelCredentials creds) {
    ManagedChannel ch =
        Grpc.newChannelBuilderForAddress("localhost", service.grpcPort(), creds).build();
    channels.add(ch);
    return ValidationServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  static ValidationServiceBlockingStub trusted() throws Exception {
    return client(
        TlsChannelCredentials.newBuilder()
            .trustManager(certs.caCert().toFile())
            .keyManager(certs.clientCert().toFile(), certs.clientKey().toFile())
            .build());
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    ValidationServiceBlockingStub s =
        client(TlsChannelCredentials.newBuilder().trustManager(certs.caCert().toFile()).build());
    assertThatThrownBy(() -> s.list(ListRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() throws Exception {
    ValidationServiceBlockingStub s =
        client(
            TlsChannelCredentials.newBuilder()
                .trustManager(certs.caCert().toFile())
                .keyManager(otherCa.clientCert().toFile(), otherCa.clientKey().toFile())
                .build());
    assertThatThrownBy(() -> s.list(ListRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void aValidClientIsServedAndWatchesProgressToTheEnd() throws Exception {
    ValidationServiceBlockingStub s = trusted();
    String id =
        s.submit(SubmitRequest.newBuilder().setDatasetUri("in/d.csv").setTarget("x").build())
            .getJobId();
    List<ProgressEvent> events = new ArrayList<>();
    Iterator<ProgressEvent> stream = s.watch(JobRef.newBuilder().setJobId(id).build());
    stream.forEachRemaining(events::add);
    ProgressEvent last = events.get(events.size() - 1);
    assertThat(last.getState()).isEqualTo(JobState.SUCCEEDED);
    assertThat(last.getRowsDone()).isEqualTo(20_000);
    assertThat(events).extracting(ProgressEvent::getPercent).isSorted();
    assertThat(events).extracting(ProgressEvent::getStage).contains("profile", "decision");
    assertThat(events)
        .extracting(ProgressEvent::getStageResultJson)
        .anySatisfy(j -> assertThat(j).contains("\"decision\""));

    org.synthos.v1.Report got = s.getReport(JobRef.newBuilder().setJobId(id).build());
    JsonNode report = JSON.readTree(got.getJson());
    assertThat(report.at("/provenance/candidate/rows").asLong()).isEqualTo(20_000);
    assertThat(report.at("/results/dimensions/learnability")).isNotNull();
    assertThat(got.getHtml()).startsWith("<!DOCTYPE html>");
    assertThat(s.getJob(JobRef.newBuilder().setJobId(id).build()).getTarget()).isEqualTo("x");
    assertThat(s.list(ListRequest.newBuilder().setState(JobState.SUCCEEDED).build()).getJobsList())
        .extracting(j -> j.getJobId())
        .contains(id);
  }

  @Test
  void phaseCallsAnswerFromTheEngineStages() throws Exception {
    ValidationServiceBlockingStub s = trusted();
    PhaseRequest req = PhaseRequest.newBuilder().setDatasetUri("in/p.csv").setSeed(7).build();
    JsonNode d = JSON.readTree(s.analyzeDiversity(req).getResultJson());
    assertThat(d.at("/diversity_retention/score").asDouble()).isBetween(0.0, 100.0);
    assertThat(d.get("diversity_score").asDouble())
        .isEqualTo(d.at("/diversity_retention/score").asDouble());
    JsonNode colour = d.at("/profile/columns/2");
    assertThat(colour.get("distinct").asInt()).isEqualTo(2);
    // red is every third row: H = -(1/3 log2 1/3 + 2/3 log2 2/3) = 0.9183 bits.
    assertThat(colour.get("entropy_bits").asDouble())
        .isCloseTo(0.9183, org.assertj.core.data.Offset.offset(1e-3));

    JsonNode collapse = JSON.readTree(s.detectCollapse(req).getResultJson());
    assertThat(collapse.get("decision").asText()).isIn("approve", "reject");
    assertThat(collapse.get("collapse_score").asDouble())
        .isCloseTo(
            100 - collapse.get("risk_score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(collapse.get("dimensions").size()).isEqualTo(8);

    JsonNode where = JSON.readTree(s.localizeProblems(req).getResultJson());
    assertThat(where.get("flagged_rows").size()).isEqualTo(where.get("flagged_rows_total").asInt());
    assertThat(where.has("localisation")).isTrue();

    JsonNode recs = JSON.readTree(s.generateRecommendations(req).getResultJson());
    assertThat(recs.get("risk_score").asDouble()).isEqualTo(collapse.get("risk_score").asDouble());
    assertThat(recs.get("recommendations").isArray()).isTrue();

    // Without a reference no model can be tested on real rows: not applicable, with the reason.
    PhaseResponse predictions = s.getPredictions(req);
    assertThat(predictions.hasNotApplicable()).isTrue();
    assertThat(predictions.getNotApplicable().getReason()).contains("reference");
  }

  @Test
  void errorsCarryTheCodeFamilyAndRetryHint() throws Exception {
    ValidationServiceBlockingStub s = trusted();
    StatusRuntimeException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class,
            () -> s.getJob(JobRef.newBuilder().setJobId("missing").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    ErrorInfo info = e.getTrailers().get(ErrorMapping.ERROR_INFO_KEY);
    assertThat(info.getCode()).isEqualTo(3004);
    assertThat(info.getRetryable()).isFalse();

    StatusRuntimeException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class, () -> s.submit(SubmitRequest.getDefaultInstance()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.getTrailers().get(ErrorMapping.ERROR_INFO_KEY).getCode()).isEqualTo(1005);

    StatusRuntimeException unsupported =
        org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class,
            () ->
                s.analyzeDiversity(
                    PhaseRequest.newBuilder().setDatasetUri("s3://b/k.csv").build()));
    assertThat(unsupported.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

    StatusRuntimeException unknownPolicy =
        org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class,
            () ->
                s.submit(
                    SubmitRequest.newBuilder()
                        .setDatasetUri("in/p.csv")
                        .setPolicy("strictest")
                        .build()));
    assertThat(unknownPolicy.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(unknownPolicy.getTrailers().get(ErrorMapping.ERROR_INFO_KEY).getName())
        .isEqualTo("INVALID_POLICY");
  }
}
