package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ProcessProbeTest {
  @Test
  void measuresARealChildProcess(@TempDir Path dir) {
    ProcessProbe probe = new ProcessProbe(GpuProbe.find());
    ProcessProbe.Measure m =
        probe.run(List.of("sh", "-c", "echo out; echo err >&2; sleep 0.2; exit 3"), dir);
    assertThat(m.exitCode()).isEqualTo(3);
    assertThat(m.wallSeconds()).isGreaterThanOrEqualTo(0.2);
    assertThat(m.stdout()).isEqualTo("out\n");
    assertThat(m.stderrTail()).isEqualTo("err\n");
    assertThat(m.peakRssBytes()).isPresent();
    assertThat(m.peakRssBytes().getAsLong()).isPositive();
    assertThat(m.cpuSeconds()).isPresent();
    assertThat(m.otherCores()).isGreaterThanOrEqualTo(0);
    assertThat(dir.resolve("command.txt")).exists();
  }

  @Test
  void aMachineWithoutNvidiaSmiReportsTheGpuAbsentNotZero(@TempDir Path dir) {
    GpuProbe gpu = GpuProbe.find();
    ProcessProbe.Measure m = new ProcessProbe(gpu).run(List.of("true"), dir);
    if (!gpu.present()) {
      assertThat(m.gpu().present()).isFalse();
      assertThat(m.gpu().note()).startsWith("absent");
      assertThat(m.gpu().meanUtilisationPercent()).isEmpty();
      assertThat(m.gpu().peakMemoryMiB()).isEmpty();
    } else {
      assertThat(m.gpu().present()).isTrue();
    }
  }
}
