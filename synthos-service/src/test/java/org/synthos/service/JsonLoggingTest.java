package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class JsonLoggingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachLineIsJsonWithTheContextId() throws Exception {
    JsonLogging.JsonFormatter f = new JsonLogging.JsonFormatter();
    LogRecord plain = new LogRecord(Level.INFO, "hello \"world\"\nnext");
    plain.setLoggerName("t");
    JsonNode outside = JSON.readTree(f.format(plain));
    assertThat(outside.get("id").asText()).isEqualTo("service");
    assertThat(outside.get("msg").asText()).isEqualTo("hello \"world\"\nnext");
    String inside = JsonLogging.withContext("job-42", () -> f.format(plain));
    assertThat(inside).endsWith(System.lineSeparator()).doesNotContain("\n{");
    assertThat(JSON.readTree(inside).get("id").asText()).isEqualTo("job-42");
    assertThat(JsonLogging.context()).isEqualTo("service");
    LogRecord failed = new LogRecord(Level.SEVERE, "boom");
    failed.setThrown(new IllegalStateException("why"));
    assertThat(JSON.readTree(f.format(failed)).get("error").asText())
        .contains("IllegalStateException: why");
  }
}
