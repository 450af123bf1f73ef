package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ServiceMetricsTest {
  @TempDir Path dir;

  /** A stand-in for nvidia-smi that prints the CSV of its GPU query. */
  private Path fakeNvidiaSmi(String output) throws Exception {
    Path script = dir.resolve("nvidia-smi");
    Files.writeString(script, "#!/bin/sh\nprintf '" + output + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void theQueueGaugeOutlivesCollectionsOfTheSupplierItWasGiven() {
    ServiceMetrics metrics = new ServiceMetrics(ServiceMetrics.GpuProbe.detect(List.of()));
    AtomicInteger waiting = new AtomicInteger(3);
    // A method reference that nothing else holds, as the job manager passes it.
    metrics.queue(waiting::get, 7);
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    assertThat(metrics.scrape())
        .contains("synthos_queued_validations 3.0")
        .contains("synthos_queue_capacity 7.0");
  }

  @Test
  void gpuGaugesAppearOnlyWhenAGpuIsListed() throws Exception {
    Path smi = fakeNvidiaSmi("0, 37, 1024\\n1, [N/A], 2048\\n");
    ServiceMetrics with =
        new ServiceMetrics(ServiceMetrics.GpuProbe.detect(List.of(smi.toString())));
    String text = with.scrape();
    assertThat(with.hasGpus()).isTrue();
    assertThat(text)
        .contains("synthos_gpu_utilization_percent{gpu_id=\"0\"} 37.0")
        .contains("synthos_gpu_memory_used_bytes{gpu_id=\"0\"} 1.073741824E9")
        .doesNotContain("gpu_id=\"1\"");

    ServiceMetrics missing =
        new ServiceMetrics(
            ServiceMetrics.GpuProbe.detect(List.of(dir.resolve("absent").toString())));
    assertThat(missing.hasGpus()).isFalse();
    assertThat(missing.scrape()).doesNotContain("synthos_gpu_");
  }

  @Test
  void gpuMemoryTotalComesFromTheFourthField() throws Exception {
    Path smi = fakeNvidiaSmi("0, 12, 2048, 81920\\n");
    String text =
        new ServiceMetrics(ServiceMetrics.GpuProbe.detect(List.of(smi.toString()))).scrape();
    assertThat(text)
        .contains("synthos_gpu_memory_used_bytes{gpu_id=\"0\"} 2.147483648E9")
        .contains("synthos_gpu_memory_total_bytes{gpu_id=\"0\"} 8.589934592E10");
  }

  @Test
  void readinessCountsFailedChecksButNotAShutdown() {
    ServiceMetrics m = new ServiceMetrics(ServiceMetrics.GpuProbe.none());
    m.readiness(true);
    assertThat(m.scrape()).contains("synthos_ready 1.0");
    m.readiness(false);
    m.stopping();
    assertThat(m.scrape())
        .contains("synthos_ready 0.0")
        .contains("synthos_readiness_failures_total 1.0");
  }

  @Test
  void phaseCallsAndAuditFailuresAreCounted() {
    ServiceMetrics m = new ServiceMetrics(ServiceMetrics.GpuProbe.none());
    m.phase(ValidationRunner.Phase.COLLAPSE, null, null);
    m.phase(
        ValidationRunner.Phase.DIVERSITY,
        null,
        new org.synthos.api.SynthosException(org.synthos.api.ErrorCode.QUEUE_FULL, "busy"));
    m.auditWriteFailed();
    assertThat(m.scrape())
        .contains("synthos_phase_calls_total{phase=\"collapse\",status=\"failed\"} 1.0")
        .contains("synthos_phase_calls_total{phase=\"diversity\",status=\"rejected\"} 1.0")
        .contains("synthos_phase_calls_total{phase=\"diversity\",status=\"ok\"} 0.0")
        .contains("synthos_audit_write_failures_total 1.0");
  }

  @Test
  void outcomesStagesAndErrorsUseTheSeedNamesAndLabels() {
    ServiceMetrics m = new ServiceMetrics(ServiceMetrics.GpuProbe.none());
    m.started();
    m.stage("profiling", 2_000_000_000L);
    m.ended("succeeded", "csv", 5000, 3_000_000_000L);
    m.error("timeout", "profiling");
    m.count("rejected", "parquet");
    m.started();
    m.interrupted();
    String text = m.scrape();
    assertThat(text)
        .contains(
            "synthos_validation_requests_total{dataset_format=\"csv\",status=\"succeeded\"} 1.0")
        .contains(
            "synthos_validation_requests_total{dataset_format=\"parquet\",status=\"rejected\"} 1.0")
        .contains("synthos_validation_errors_total{error_type=\"timeout\",stage=\"profiling\"} 1.0")
        .contains("synthos_active_validations 0.0")
        .contains("synthos_validation_duration_seconds_bucket{stage=\"profiling\",le=\"5.0\"} 1")
        .contains("synthos_validation_duration_seconds_bucket{stage=\"total\",le=\"1.0\"} 0")
        .contains("synthos_dataset_rows_processed_bucket{le=\"10000.0\"} 1")
        .contains("synthos_dataset_rows_processed_sum 5000.0")
        .doesNotContain("status=\"requeued\"");
  }
}
