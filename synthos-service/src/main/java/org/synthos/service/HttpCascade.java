package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.ModelProgress;

/**
 * {@code POST /v1/cascade}: TrainCascade over HTTP, as newline-delimited JSON ({@code
 * application/x-ndjson}). Each line is an event: {@code {"event":"model", ...}} for each proxy
 * model as it trains (the fields of the gRPC ModelTrained message, in snake case), then one {@code
 * {"event":"result", "result": ...}} with the GetPredictions answer, {@code {"event":
 * "not_applicable", "reason": ...}}, or {@code {"event":"error", "error": ...}} when the cascade
 * fails after the first line. An error before the first line is an ordinary error response. A
 * client that closes the connection cancels the cascade at the next model boundary.
 */
final class HttpCascade {
  private static final Logger LOG = Logger.getLogger(HttpCascade.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpExchange ex;
  private OutputStream out;
  private volatile boolean gone;

  private HttpCascade(HttpExchange ex) {
    this.ex = ex;
  }

  static void handle(HttpExchange ex, Identity caller, OwnedJobs jobs, ValidationRequest request)
      throws IOException {
    HttpCascade c = new HttpCascade(ex);
    ValidationRunner.PhaseResult result;
    try {
      result = jobs.cascade(caller, request, () -> c.gone, m -> c.line(model(m)));
    } catch (RuntimeException e) {
      if (c.out == null) {
        throw e;
      }
      SynthosException s = ErrorMapping.classify(e);
      LOG.info("POST /v1/cascade failed: " + s.code().code() + " " + s.getMessage());
      ObjectNode o = JSON.createObjectNode().put("event", "error");
      o.set("error", HttpApi.errorJson(ErrorMapping.errorInfo(s)));
      c.line(o);
      c.close();
      return;
    }
    ObjectNode last = JSON.createObjectNode();
    if (result instanceof ValidationRunner.PhaseResult.Ok ok) {
      last.put("event", "result");
      last.set("result", ok.result());
    } else if (result instanceof ValidationRunner.PhaseResult.NotApplicable na) {
      last.put("event", "not_applicable");
      last.put("reason", na.reason());
    }
    c.line(last);
    c.close();
  }

  static ObjectNode model(ModelProgress m) {
    ObjectNode o = JSON.createObjectNode().put("event", "model");
    o.put("target", m.target());
    o.put("target_index", m.targetIndex());
    o.put("targets", m.targets());
    o.put("tier", m.tier());
    o.put("role", m.role());
    o.put("train_rows", m.trainRows());
    o.put("seed", m.seed());
    o.put("loss", m.loss());
    o.put("loss_name", m.lossName());
    o.put("done", m.done());
    o.put("total", m.total());
    o.put("elapsed_millis", m.elapsedMillis());
    o.put("eta_millis", m.etaMillis());
    o.put("device", m.device());
    return o;
  }

  /** Writes one line, starting the response on the first; a failed write marks the client gone. */
  private synchronized void line(ObjectNode event) {
    if (gone) {
      return;
    }
    try {
      if (out == null) {
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        out = ex.getResponseBody();
      }
      out.write((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      LOG.info("the cascade's client went away: " + e.getMessage());
      gone = true;
    }
  }

  private synchronized void close() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      LOG.fine("closing the cascade stream failed: " + e.getMessage());
    }
  }
}
