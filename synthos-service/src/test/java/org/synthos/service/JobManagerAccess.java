package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Submits over HTTP and waits for the job in the store. */
final class JobManagerAccess {
  private JobManagerAccess() {}

  static JobRecord submitAndAwait(SynthosService s, JobStore store, String uri, long rows)
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + s.httpPort() + "/v1/validations"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dataset_uri\":\"" + uri + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(202);
    String id = new ObjectMapper().readTree(r.body()).get("job_id").asText();
    long deadline = System.nanoTime() + 30_000_000_000L;
    JobRecord job = store.get(id).orElseThrow();
    while (!job.state().terminal() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      job = store.get(id).orElseThrow();
    }
    assertThat(job.state()).as("job %s: %s", id, job.error()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.rowsDone()).isEqualTo(rows);
    return job;
  }
}
