package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP calls of the API tests, optionally with an API key. */
final class HttpCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpCalls() {}

  /** One request; {@code body} and {@code key} may be null. */
  static HttpResponse<String> send(String base, String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the job until it leaves QUEUED and RUNNING. */
  static JsonNode awaitEnd(String base, String id, String key, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = send(base, "GET", "/v1/validations/" + id, null, key);
      if (r.statusCode() == 200) {
        JsonNode job = JSON.readTree(r.body());
        if (!job.get("state").asText().matches("QUEUED|RUNNING")) {
          return job;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not end");
  }
}
