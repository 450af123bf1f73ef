package org.synthos.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes a benchmark's figures, with the machine they were measured on, as JSON and a markdown
 * table.
 */
final class BenchResults {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchResults() {}

  static ObjectNode header(String benchmark, String[] args) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("benchmark", benchmark);
    root.put("measured_at", Instant.now().toString());
    root.put("arguments", String.join(" ", args));
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    machine.put(
        "java", System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put(
        "jvm_arguments",
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return root;
  }

  static void write(Path dir, String name, ObjectNode json, String markdown) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(name + ".json"), MAPPER.writeValueAsString(json), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
  }

  /** The median of repeated timings, in seconds. */
  static double median(double[] seconds) {
    double[] s = seconds.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Peak heap in use since the last reset, over all heap pools. */
  static long peakHeapBytes() {
    long peak = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  static void resetPeakHeap() {
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }
}
