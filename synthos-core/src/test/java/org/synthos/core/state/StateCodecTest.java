package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class StateCodecTest {
  @Test
  void everyKindRoundTripsIncludingSpecialDoubles() {
    List<State> states =
        List.of(
            new CountsState(10, 3, 1),
            new MomentsState(2, -0.0, 1.5, -2.5, 7, -1e300, 1e300, 3, 1, 2, 3),
            MomentsState.EMPTY,
            QuantileState.empty(64),
            DistinctState.empty(10),
            FrequencyState.empty(5, 4),
            TextState.EMPTY,
            new DatetimeState(2, -5, 9, Granularity.SECOND),
            new CoMomentsState(3, 1, 2, 3, 4, -5),
            ContingencyState.empty(7),
            ContingencyState.overflow(12, 7),
            CorrelationRatioState.empty(4),
            CorrelationRatioState.overflow(4));
    for (State s : states) {
      assertThat(StateCodec.decode(StateCodec.encode(s))).as(s.kind().name()).isEqualTo(s);
    }
    // every kind is covered
    assertThat(states.stream().map(State::kind).distinct()).hasSize(StateKind.values().length);
  }

  @Test
  void aNewerFormatVersionIsRefusedWithAClearMessage() {
    byte[] bytes = StateCodec.encode(new CountsState(1, 0, 0));
    bytes[4] = (byte) (StateCodec.FORMAT_VERSION + 1);
    assertThatThrownBy(() -> StateCodec.decode(bytes))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "this state was written in format version 3; this Synthos reads at most"
                          + " version 2, upgrade Synthos to read it");
            });
  }

  @Test
  void formatOneWithItsUnseededSketchesIsRefusedWithAClearMessage() {
    byte[] bytes = StateCodec.encode(QuantileState.empty(64));
    bytes[4] = 1;
    assertThatThrownBy(() -> StateCodec.decode(bytes))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
              assertThat(e.getMessage()).contains("version 1").contains("profile the data again");
            });
  }

  @Test
  void truncatedOrForeignBytesAreReportedAsCorrupt() {
    byte[] bytes = StateCodec.encode(new CountsState(1, 0, 0));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> StateCodec.decode(truncated))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    assertThatThrownBy(() -> StateCodec.decode(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.getMessage()).contains("bad magic"));
    byte[] unknownKind = bytes.clone();
    unknownKind[5] = 99;
    assertThatThrownBy(() -> StateCodec.decode(unknownKind))
        .hasMessageContaining("unknown state kind tag 99");
  }
}
