package org.synthos.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.signature.PreScreenJson;

/**
 * The HTTP API on the JDK's own server: the REST mirror of the gRPC calls, the OpenAPI document,
 * health checks and the Prometheus scrape. The JDK server starts in a tenth of a second and adds no
 * dependency; the API is a handful of JSON routes, which is all it needs to do.
 */
final class HttpApi implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpApi.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB_PATH =
      Pattern.compile("^/v1/validations/([A-Za-z0-9_.\\-]{1,64})(/report|/predictions)?$");
  private static final Pattern DATASET_PATH = Pattern.compile("^/v1/datasets/([^/]{1,256})$");
  private static final int MAX_BODY = 1 << 20;

  private final OwnedJobs jobs;
  private final OwnedUploads uploads;
  private final Gatekeeper gate;
  private final ServiceMetrics metrics;
  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] openApi;

  HttpApi(
      ServiceConfig config,
      OwnedJobs jobs,
      OwnedUploads uploads,
      Gatekeeper gate,
      ServiceMetrics metrics)
      throws IOException {
    this.jobs = jobs;
    this.uploads = uploads;
    this.gate = gate;
    this.metrics = metrics;
    try (InputStream in = HttpApi.class.getResourceAsStream("openapi.json")) {
      this.openApi = in.readAllBytes();
    }
    this.server = HttpListeners.bind(config);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "synthos-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) {
    String requestId =
        Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Request-Id"))
            .filter(s -> s.matches("[A-Za-z0-9_.\\-]{1,64}"))
            .orElse("req-" + UUID.randomUUID());
    JsonLogging.withContext(
        requestId,
        () -> {
          ex.getResponseHeaders().set("X-Request-Id", requestId);
          try {
            route(ex);
          } catch (RuntimeException e) {
            drain(ex);
            sendError(ex, ErrorMapping.classify(e));
          } catch (IOException e) {
            LOG.info("client connection failed: " + e.getMessage());
          } finally {
            ex.close();
          }
        });
  }

  /**
   * Reads what is left of a refused request's body, up to 16 MiB, so that the client reads the
   * error instead of a connection reset; a larger body is cut off with the connection.
   */
  private static void drain(HttpExchange ex) {
    try (InputStream in = ex.getRequestBody()) {
      byte[] sink = new byte[1 << 16];
      long left = 16L << 20;
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      LOG.fine("the refused request's body could not be read: " + e.getMessage());
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Identity caller = HttpListeners.admit(gate, ex);
    switch (path) {
      case "/health/live" -> {
        requireMethod(method, "GET");
        sendJson(ex, 200, JSON.createObjectNode().put("status", "live"));
        return;
      }
      case "/health/ready" -> {
        requireMethod(method, "GET");
        try {
          jobs.checkReady();
          sendJson(ex, 200, JSON.createObjectNode().put("status", "ready"));
        } catch (SynthosException e) {
          ObjectNode body = JSON.createObjectNode().put("status", "not ready");
          body.put("reason", e.getMessage());
          ex.getResponseHeaders().set("Retry-After", "5");
          sendJson(ex, 503, body);
        }
        return;
      }
      case "/metrics" -> {
        requireMethod(method, "GET");
        send(
            ex,
            200,
            "text/plain; version=0.0.4; charset=utf-8",
            metrics.scrape().getBytes(StandardCharsets.UTF_8));
        return;
      }
      case "/openapi.json" -> {
        requireMethod(method, "GET");
        send(ex, 200, "application/json", openApi);
        return;
      }
      case "/v1/validations" -> {
        if ("POST".equals(method)) {
          ValidationRequest request;
          try {
            request = parseSubmit(ex);
          } catch (SynthosException e) {
            // Never reaches the job manager, which counts the other invalid submissions.
            metrics.count("invalid", "unknown");
            throw e;
          }
          JobRecord job = jobs.submit(caller, request);
          ex.getResponseHeaders().set("Location", "/v1/validations/" + job.id());
          sendJson(ex, 202, toJson(job));
        } else {
          requireMethod(method, "GET");
          ArrayNode list = JSON.createArrayNode();
          ListQuery q = ListQuery.parse(ex.getRequestURI().getRawQuery());
          jobs.list(caller, q.state(), q.limit()).forEach(j -> list.add(toJson(j)));
          sendJson(ex, 200, JSON.createObjectNode().set("jobs", list));
        }
        return;
      }
      case "/v1/cascade" -> {
        requireMethod(method, "POST");
        HttpCascade.handle(ex, caller, jobs, parseSubmit(ex));
        return;
      }
      case "/v1/prescreen" -> {
        requireMethod(method, "POST");
        PreScreenBody body = PreScreenBody.parse(ex.getRequestBody().readNBytes(MAX_BODY + 1));
        sendJson(
            ex,
            200,
            prescreenJson(body.datasetUri(), jobs.prescreen(caller, body.datasetUri(), body.k())));
        return;
      }
      default -> {
        // Dataset and job routes below.
      }
    }
    Matcher dataset = DATASET_PATH.matcher(path);
    if (dataset.matches()) {
      HttpDatasets.handle(ex, caller, uploads, dataset.group(1));
      return;
    }
    Matcher m = JOB_PATH.matcher(path);
    if (!m.matches()) {
      throw new SynthosException(ErrorCode.NOT_FOUND, "no such resource: " + path);
    }
    String id = m.group(1);
    if ("/predictions".equals(m.group(2))) {
      requireMethod(method, "GET");
      // The finished report's learnability section: predicted performance and fitted curves.
      JsonNode report = JSON.readTree(jobs.report(caller, id));
      ObjectNode out = JSON.createObjectNode();
      out.put("job_id", id);
      out.set("learnability_dimension", report.at("/results/dimensions/learnability"));
      out.set("learnability", report.at("/results/learnability"));
      sendJson(ex, 200, out);
    } else if (m.group(2) != null) {
      requireMethod(method, "GET");
      String accept = Optional.ofNullable(ex.getRequestHeaders().getFirst("Accept")).orElse("");
      String query = Optional.ofNullable(ex.getRequestURI().getQuery()).orElse("");
      if (query.contains("format=html")
          || (accept.contains("text/html") && !accept.contains("json"))) {
        send(ex, 200, "text/html; charset=utf-8", jobs.reportHtml(caller, id));
      } else {
        send(ex, 200, "application/json", jobs.report(caller, id).getBytes(StandardCharsets.UTF_8));
      }
    } else if ("DELETE".equals(method)) {
      sendJson(ex, 200, toJson(jobs.cancel(caller, id)));
    } else {
      requireMethod(method, "GET");
      sendJson(ex, 200, toJson(jobs.get(caller, id)));
    }
  }

  /** The body of {@code POST /v1/prescreen}: {@code {dataset_uri, k?}}. */
  record PreScreenBody(String datasetUri, int k) {
    static PreScreenBody parse(byte[] body) {
      JsonNode n = object(body, java.util.Set.of("dataset_uri", "k"));
      JsonNode k = n.get("k");
      if (k != null && !k.isNull() && !(k.isIntegralNumber() && k.canConvertToInt())) {
        throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "k must be a whole number");
      }
      return new PreScreenBody(
          n.get("dataset_uri").asText(), k == null || k.isNull() ? 0 : k.asInt());
    }
  }

  /**
   * The pre-screen's JSON document ({@link PreScreenJson}) with the URI and each neighbour's job.
   */
  static ObjectNode prescreenJson(String uri, PreScreens.Answer a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("dataset_uri", uri);
    o.setAll(PreScreenJson.toJson(a.result(), a.features(), a.datasetSha256()));
    JsonNode list = o.get("neighbours");
    for (int i = 0; i < list.size(); i++) {
      ((ObjectNode) list.get(i)).put("job_id", a.result().neighbours().get(i).ref());
    }
    return o;
  }

  /** {@code ?state=RUNNING&limit=20}: both optional; limit 1 to 10000, default 100. */
  record ListQuery(Optional<JobState> state, int limit) {
    static ListQuery parse(String raw) {
      Optional<JobState> state = Optional.empty();
      int limit = 100;
      for (String pair : raw == null ? new String[0] : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        String value =
            kv.length == 2 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
        if ("state".equals(kv[0])) {
          try {
            state = Optional.of(JobState.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new SynthosException(
                ErrorCode.INVALID_ARGUMENT,
                "state must be one of " + java.util.Arrays.toString(JobState.values()));
          }
        } else if ("limit".equals(kv[0])) {
          try {
            limit = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            limit = -1;
          }
          if (limit < 1 || limit > 10_000) {
            throw new SynthosException(
                ErrorCode.INVALID_ARGUMENT, "limit must be 1 to 10000, got '" + value + "'");
          }
        }
      }
      return new ListQuery(state, limit);
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!allowed.equals(method)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "method " + method + " not allowed here; use " + allowed);
    }
  }

  private static ValidationRequest parseSubmit(HttpExchange ex) throws IOException {
    return parseSubmit(ex.getRequestBody().readNBytes(MAX_BODY + 1));
  }

  /** The body of {@code POST /v1/validations} as a request; INVALID_ARGUMENT when it is not one. */
  static ValidationRequest parseSubmit(byte[] body) {
    JsonNode n =
        object(
            body,
            java.util.Set.of(
                "dataset_uri",
                "reference_uri",
                "target",
                "policy",
                "validation_id",
                "dataset_id",
                "timeout_seconds",
                "seed",
                "column_types"));
    JsonNode uri = n.get("dataset_uri");
    JsonNode timeout = n.get("timeout_seconds");
    if (timeout != null && !(timeout.canConvertToLong() && timeout.asLong() > 0)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "timeout_seconds must be a positive whole number");
    }
    JsonNode seed = n.get("seed");
    if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "seed must be a whole number");
    }
    return new ValidationRequest(
        uri.asText(),
        text(n, "reference_uri"),
        text(n, "target"),
        ValidationRequest.policyWithColumnTypes(text(n, "policy"), columnTypes(n)),
        text(n, "validation_id"),
        text(n, "dataset_id"),
        timeout == null ? Optional.empty() : Optional.of(Duration.ofSeconds(timeout.asLong())),
        seed == null || seed.isNull() ? Optional.empty() : Optional.of(seed.asLong()));
  }

  /** The body's {@code column_types}: an object of strings; INVALID_ARGUMENT otherwise. */
  private static java.util.Map<String, String> columnTypes(JsonNode n) {
    JsonNode types = n.get("column_types");
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (types == null || types.isNull()) {
      return out;
    }
    if (!types.isObject()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "column_types must map column names to type names");
    }
    for (var e : types.properties()) {
      if (!e.getValue().isTextual()) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "column_types." + e.getKey() + " must be a type name");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /**
   * A request body that must be one JSON object of at most 1 MiB with only {@code known} fields and
   * a non-blank string {@code dataset_uri}; INVALID_ARGUMENT otherwise.
   */
  private static JsonNode object(byte[] body, java.util.Set<String> known) {
    if (body.length > MAX_BODY) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "request body over 1 MiB");
    }
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "request body cannot be read: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "request body must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "unknown field '" + f + "'");
      }
    }
    JsonNode uri = n.get("dataset_uri");
    if (uri == null || !uri.isTextual() || uri.asText().isBlank()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "dataset_uri is required and must be a string");
    }
    return n;
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, field + " must be a string");
    }
    return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }

  static ObjectNode toJson(JobRecord j) {
    ObjectNode o = JSON.createObjectNode();
    o.put("job_id", j.id());
    o.put("state", j.state().name());
    o.put("dataset_uri", j.request().datasetUri());
    j.request().referenceUri().ifPresent(v -> o.put("reference_uri", v));
    j.request().target().ifPresent(v -> o.put("target", v));
    j.request().policy().ifPresent(v -> o.put("policy", v));
    j.request().seed().ifPresent(v -> o.put("seed", v));
    o.put("validation_id", j.validationId());
    o.put("dataset_id", j.datasetId());
    o.put("stage", j.stage());
    o.put("percent", j.percent());
    o.put("rows_done", j.rowsDone());
    o.put("submitted_at_ms", j.submittedAtMs());
    o.put("started_at_ms", j.startedAtMs());
    o.put("finished_at_ms", j.finishedAtMs());
    o.put("attempts", j.attempts());
    j.error().ifPresent(e -> o.set("error", errorJson(GrpcApi.error(e))));
    return o;
  }

  static ObjectNode errorJson(org.synthos.v1.ErrorInfo info) {
    ObjectNode o = JSON.createObjectNode();
    o.put("code", info.getCode());
    o.put("name", info.getName());
    o.put("message", info.getMessage());
    o.put("retryable", info.getRetryable());
    o.put("retry_after_seconds", info.getRetryAfterSeconds());
    o.put("category", info.getCategory());
    return o;
  }

  private static void sendError(HttpExchange ex, SynthosException e) {
    org.synthos.v1.ErrorInfo info = ErrorMapping.errorInfo(e);
    ObjectNode o = JSON.createObjectNode();
    o.set("error", errorJson(info));
    if (info.getRetryAfterSeconds() > 0) {
      ex.getResponseHeaders().set("Retry-After", Long.toString(info.getRetryAfterSeconds()));
    }
    if (e.code() == ErrorCode.UNAUTHENTICATED) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
    }
    LOG.info(
        ex.getRequestMethod()
            + " "
            + ex.getRequestURI().getPath()
            + " failed: "
            + info.getCode()
            + " "
            + info.getMessage());
    try {
      sendJson(ex, ErrorMapping.httpStatus(e.code()), o);
    } catch (IOException io) {
      LOG.info("could not send the error response: " + io.getMessage());
    }
  }

  static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops accepting connections, giving open exchanges up to {@code seconds} to finish. */
  void stop(int seconds) {
    server.stop(seconds);
    executor.shutdownNow();
  }

  @Override
  public void close() {
    stop(0);
  }
}
