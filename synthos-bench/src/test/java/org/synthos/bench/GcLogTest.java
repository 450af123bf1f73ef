package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GcLogTest {
  @Test
  void peakIsTheLargestHeapBeforeAPauseOrAtExit() {
    String log =
        String.join(
            "\n",
            "[0.012s][info][gc] Using G1",
            "[1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 51M->12M(1024M) 3.500ms",
            "[2.345s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 612M->300M(1024M) 10.250ms",
            "[2.400s][info][gc] GC(2) Concurrent Mark Cycle 40.000ms",
            "[2.500s][info][gc] GC(2) Pause Remark 320M->310M(1024M) 1.250ms",
            "[3.000s][info][gc,heap,exit] Heap",
            "[3.000s][info][gc,heap,exit]  garbage-first heap   total 1048576K, used 409600K [0x0, 0x0)",
            "[3.000s][info][gc,heap,exit]  Metaspace       used 20000K, committed 20480K, reserved 1114112K");
    GcLog gc = GcLog.parse(log);
    assertThat(gc.peakHeapBytes()).hasValue(612L << 20);
    assertThat(gc.peakAfterGcBytes()).hasValue(310L << 20);
    assertThat(gc.pauses()).isEqualTo(3);
    assertThat(gc.pauseSeconds()).isCloseTo(0.015, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void withoutAnyCollectionThePeakIsTheHeapAtExit() {
    String log =
        "[0.3s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 20480K [0x0, 0x0)\n";
    assertThat(GcLog.parse(log).peakHeapBytes()).hasValue(20480L * 1024);
    assertThat(GcLog.parse(log).pauses()).isZero();
    assertThat(GcLog.parse(log).peakAfterGcBytes()).isEmpty();
  }

  @Test
  void anEmptyLogHasNoPeak() {
    assertThat(GcLog.parse("").peakHeapBytes()).isEmpty();
  }
}
