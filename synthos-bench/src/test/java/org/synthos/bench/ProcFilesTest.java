package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ProcFilesTest {
  @Test
  void readsThePeakResidentSetFromStatus() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  1000 kB\n";
    assertThat(ProcFiles.vmHwmKb(status)).hasValue(524288);
    assertThat(ProcFiles.vmHwmKb("Name:\tjava\n")).isEmpty();
  }

  @Test
  void countsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
    String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0";
    assertThat(ProcFiles.statCpuTicks(stat)).hasValue(1234 + 567);
  }

  @Test
  void machineTicksSplitBusyFromIdleAndIoWait() {
    String stat = "cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 1 2 3 4\n";
    long[] t = ProcFiles.machineTicks(stat);
    assertThat(t[0]).isEqualTo(100 + 5 + 50 + 3 + 2 + 1);
    assertThat(t[1]).isEqualTo(100 + 5 + 50 + 1000 + 20 + 3 + 2 + 1);
  }
}
