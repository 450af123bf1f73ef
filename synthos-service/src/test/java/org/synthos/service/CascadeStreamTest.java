package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.CascadeEvent;
import org.synthos.v1.ModelTrained;
import org.synthos.v1.PhaseRequest;
import org.synthos.v1.PhaseResponse;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * TrainCascade on gRPC and {@code POST /v1/cascade} on HTTP: each proxy model as it trains, then
 * the GetPredictions answer; a cancelled stream frees its phase slot.
 */
@Tag("integration")
class CascadeStreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static SynthosService service;
  static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    service = SynthosService.start(Harness.config(dir, "jobs.concurrency", "1"));
    Path pairs = Path.of("..", "examples", "pairs");
    Files.createDirectories(dir.resolve("storage/in"));
    Files.copy(pairs.resolve("credit-g-real-half.csv"), dir.resolve("storage/in/c.csv"));
    Files.copy(pairs.resolve("credit-g-reference.csv"), dir.resolve("storage/in/r.csv"));
    channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", service.grpcPort(), InsecureChannelCredentials.create())
            .build();
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    service.close();
  }

  private static PhaseRequest request(long seed) {
    return PhaseRequest.newBuilder()
        .setDatasetUri("in/c.csv")
        .setReferenceUri("in/r.csv")
        .setTarget("class")
        .setSeed(seed)
        .build();
  }

  private static ValidationServiceGrpc.ValidationServiceBlockingStub stub() {
    return ValidationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  @Test
  void eachModelStreamsThenTheAnswerWhichGetPredictionsRepeats() throws Exception {
    List<CascadeEvent> events = new ArrayList<>();
    stub().trainCascade(request(7)).forEachRemaining(events::add);
    List<ModelTrained> models =
        events.stream().filter(CascadeEvent::hasModel).map(CascadeEvent::getModel).toList();
    assertThat(models).isNotEmpty();
    assertThat(models).hasSize(models.get(0).getTotal());
    assertThat(models).extracting(ModelTrained::getDone).isSorted().doesNotHaveDuplicates();
    assertThat(models).extracting(ModelTrained::getTier).contains("gbt_small", "linear");
    assertThat(models).extracting(ModelTrained::getRole).contains("band", "trtr", "tstr");
    assertThat(models).allSatisfy(m -> assertThat(m.getDevice()).isEqualTo("cpu"));
    CascadeEvent last = events.get(events.size() - 1);
    assertThat(last.hasResult()).isTrue();
    assertThat(events.subList(0, events.size() - 1)).allMatch(CascadeEvent::hasModel);
    PhaseResponse answer = last.getResult();
    assertThat(answer.getLearnability().getTargetsList()).hasSize(1);
    assertThat(answer.getLearnability().getTargets(0).getCurves(0).getDevice()).isEqualTo("cpu");
    // The phase calls share the validation: GetPredictions answers the same from it.
    assertThat(stub().getPredictions(request(7)).getResultJson()).isEqualTo(answer.getResultJson());
  }

  @Test
  void aCancelledStreamStopsAndFreesItsSlot() throws Exception {
    Context.CancellableContext ctx = Context.current().withCancellation();
    int seen =
        ctx.call(
            () -> {
              Iterator<CascadeEvent> it = stub().trainCascade(request(8));
              int n = 0;
              while (it.hasNext() && n < 2) {
                it.next();
                n++;
              }
              return n;
            });
    ctx.cancel(null);
    assertThat(seen).isEqualTo(2);
    // One phase slot: the next call is served once the cancelled cascade has stopped.
    PhaseResponse again = null;
    for (int tries = 0; again == null && tries < 100; tries++) {
      try {
        again = stub().getPredictions(request(9));
      } catch (io.grpc.StatusRuntimeException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.RESOURCE_EXHAUSTED);
        sleep();
      }
    }
    assertThat(again).isNotNull();
    assertThat(again.hasLearnability()).isTrue();
  }

  @Test
  void httpStreamsTheSameEventsAsJsonLines() throws Exception {
    HttpResponse<java.util.stream.Stream<String>> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.httpPort() + "/v1/cascade"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"dataset_uri\":\"in/c.csv\",\"reference_uri\":\"in/r.csv\","
                                + "\"target\":\"class\",\"seed\":10}"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.body().toList()) {
      lines.add(JSON.readTree(line));
    }
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.get("event").asText()).isEqualTo("result");
    assertThat(last.at("/result/learnability/targets/0/column").asText()).isEqualTo("class");
    List<JsonNode> models = lines.subList(0, lines.size() - 1);
    assertThat(models).isNotEmpty();
    assertThat(models).allSatisfy(m -> assertThat(m.get("event").asText()).isEqualTo("model"));
    assertThat(models.get(models.size() - 1).get("done").asInt())
        .isEqualTo(models.get(0).get("total").asInt());

    HttpResponse<String> bad =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.httpPort() + "/v1/cascade"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dataset_uri\":\"in/none.csv\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isBetween(400, 499);
    assertThat(JSON.readTree(bad.body()).at("/error/code").asInt()).isPositive();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
