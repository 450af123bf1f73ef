package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store on a real PostgreSQL. Runs when SYNTHOS_TEST_PG_URL is set (.ci/services.sh starts
 * one and prints it), e.g. jdbc:postgresql://127.0.0.1:55432/postgres.
 */
@Tag("integration")
class PostgresJobStoreTest {
  @TempDir Path dir;

  private static String url() {
    String url = System.getenv("SYNTHOS_TEST_PG_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "SYNTHOS_TEST_PG_URL is not set: start PostgreSQL with .ci/services.sh");
    return url;
  }

  private static ServiceConfig.Store store(String url) {
    String user = Optional.ofNullable(System.getenv("SYNTHOS_TEST_PG_USER")).orElse("postgres");
    return new ServiceConfig.Store(url, user, Optional.empty());
  }

  @Test
  void postgresStoreFollowsTheContract() {
    JobStoreContract.check(store(url()));
  }

  @Test
  void theServiceRunsJobsOnPostgres() throws Exception {
    String url = url();
    Harness.csv(dir.resolve("storage/p.csv"), 300, 5);
    ServiceConfig cfg = Harness.config(dir, "store.url", url, "store.user", store(url).user());
    try (SynthosService s = SynthosService.start(cfg);
        JobStore store = Harness.store(cfg)) {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + s.httpPort() + "/v1/validations"))
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"dataset_uri\":\"p.csv\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(202);
      String id =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(r.body())
              .get("job_id")
              .asText();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (store.get(id).orElseThrow().state() != JobState.SUCCEEDED
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(store.get(id).orElseThrow().rowsDone()).isEqualTo(300);
      assertThat(store.report(id))
          .hasValueSatisfying(rep -> assertThat(rep).contains("\"rows\" : 300"));
    }
  }
}
