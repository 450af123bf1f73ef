package org.synthos.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Structured logs: one JSON object per line on standard error, each with the id of the request or
 * job it belongs to ({@code "id"}), taken from {@link #context()}. Lines written outside any
 * request or job carry {@code "id":"service"}. Library logs routed through SLF4J to JDK logging get
 * the same shape.
 */
public final class JsonLogging {
  private static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Holds the JSON handler. The JDK's LogManager removes the handlers of every registered logger in
   * a shutdown hook of its own, which runs beside the service's, so the shutdown lines were lost.
   * This logger is unregistered (the LogManager never resets it) and is made the root logger's
   * parent: records go on reaching it after the reset.
   */
  private static final Logger SINK = new Sink();

  private static final class Sink extends Logger {
    Sink() {
      super(null, null);
      setUseParentHandlers(false);
    }
  }

  private JsonLogging() {}

  /**
   * Replaces the root logger's handlers with one JSON line handler on standard error, which keeps
   * working during shutdown.
   */
  public static void install(Level level) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    for (Handler h : SINK.getHandlers()) {
      SINK.removeHandler(h);
    }
    Handler handler = new ConsoleHandler();
    handler.setFormatter(new JsonFormatter());
    handler.setLevel(level);
    SINK.addHandler(handler);
    root.setParent(SINK);
    root.setLevel(level);
  }

  /** The request or job id of the current thread, or "service". */
  public static String context() {
    String id = CONTEXT.get();
    return id == null ? "service" : id;
  }

  /** Runs {@code body} with {@code id} as the current log context, restoring the previous one. */
  static <T> T withContext(String id, Supplier<T> body) {
    String previous = CONTEXT.get();
    CONTEXT.set(id);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CONTEXT.remove();
      } else {
        CONTEXT.set(previous);
      }
    }
  }

  static void withContext(String id, Runnable body) {
    withContext(
        id,
        () -> {
          body.run();
          return null;
        });
  }

  /** Formats one record as a JSON line: ts, level, logger, id, msg and, if any, error. */
  static final class JsonFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringWriter out = new StringWriter(160);
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        g.writeStringField("ts", Instant.ofEpochMilli(record.getMillis()).toString());
        g.writeStringField("level", record.getLevel().getName());
        g.writeStringField("logger", record.getLoggerName());
        g.writeStringField("id", context());
        g.writeStringField("msg", Redaction.redact(formatMessage(record)));
        if (record.getThrown() != null) {
          StringWriter trace = new StringWriter();
          record.getThrown().printStackTrace(new PrintWriter(trace));
          g.writeStringField("error", Redaction.redact(trace.toString()));
        }
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.append(System.lineSeparator()).toString();
    }
  }
}
