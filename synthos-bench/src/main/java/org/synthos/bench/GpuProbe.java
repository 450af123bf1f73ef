package org.synthos.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Samples NVIDIA GPU utilisation and memory with {@code nvidia-smi} while a run is in progress. On
 * a machine without {@code nvidia-smi} on the PATH the figures are absent, never zero.
 */
final class GpuProbe {
  private final Path nvidiaSmi;
  private double utilisationSum;
  private int samples;
  private long peakMemoryMiB = -1;

  private GpuProbe(Path nvidiaSmi) {
    this.nvidiaSmi = nvidiaSmi;
  }

  /** A probe for the GPUs of this machine; {@link #present()} says whether there are any. */
  static GpuProbe find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "nvidia-smi");
      if (Files.isExecutable(candidate)) {
        return new GpuProbe(candidate);
      }
    }
    return new GpuProbe(null);
  }

  boolean present() {
    return nvidiaSmi != null;
  }

  GpuProbe fresh() {
    return new GpuProbe(nvidiaSmi);
  }

  /** Takes one sample over all GPUs (utilisation averaged, memory summed); no-op without GPU. */
  void sample() {
    if (nvidiaSmi == null) {
      return;
    }
    try {
      Process p =
          new ProcessBuilder(
                  nvidiaSmi.toString(),
                  "--query-gpu=utilization.gpu,memory.used",
                  "--format=csv,noheader,nounits")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return;
      }
      double util = 0;
      long memory = 0;
      int gpus = 0;
      for (String line : out.strip().split("\n")) {
        String[] parts = line.split(",");
        if (parts.length == 2) {
          util += Double.parseDouble(parts[0].strip());
          memory += Long.parseLong(parts[1].strip());
          gpus++;
        }
      }
      if (gpus > 0) {
        utilisationSum += util / gpus;
        samples++;
        peakMemoryMiB = Math.max(peakMemoryMiB, memory);
      }
    } catch (IOException | NumberFormatException e) {
      // A failed sample is left out; the count of samples says how many succeeded.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Usage usage() {
    if (nvidiaSmi == null) {
      return new Usage(
          false, "absent: no nvidia-smi on PATH", OptionalDouble.empty(), OptionalLong.empty(), 0);
    }
    if (samples == 0) {
      return new Usage(
          true, "nvidia-smi gave no sample", OptionalDouble.empty(), OptionalLong.empty(), 0);
    }
    return new Usage(
        true,
        "sampled with nvidia-smi",
        OptionalDouble.of(utilisationSum / samples),
        OptionalLong.of(peakMemoryMiB),
        samples);
  }

  /** GPU figures of one run; absent (empty) where there is no GPU or no sample. */
  record Usage(
      boolean present,
      String note,
      OptionalDouble meanUtilisationPercent,
      OptionalLong peakMemoryMiB,
      int samples) {}
}
