package org.synthos.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.state.StateConfig;

/** The profile's bytes depend on the rows and batch boundaries only, never on threads or timing. */
@Tag("unit")
class ProfilerDeterminismTest {
  // 41 batches of 500 rows; with partitions of 5000 rows that is four full partitions of ten
  // batches and a partial one, and 20 500 values overflow every KLL sketch
  private static final List<ColumnBatch> BATCHES = ProfilerTest.generate(20_500, 500, 7);
  private static final int PARTITION_ROWS = 5000;

  private static byte[] encoded(List<ColumnBatch> batches, int threads) {
    ProfileOptions options = ProfileOptions.defaults().withThreads(threads);
    return ProfileCodec.encode(
        Profiler.profile(ProfilerTest.SCHEMA, batches.iterator(), options, PARTITION_ROWS));
  }

  @Test
  void profilingTheSameInputTwiceInParallelGivesIdenticalBytes() {
    byte[] first = encoded(BATCHES, 4);
    for (int run = 0; run < 3; run++) {
      assertThat(encoded(BATCHES, 4)).isEqualTo(first);
    }
  }

  @Test
  void everyThreadCountGivesTheSameBytes() {
    byte[] one = encoded(BATCHES, 1);
    for (int threads : new int[] {2, 3, 4, 16}) {
      assertThat(encoded(BATCHES, threads)).as("%d threads", threads).isEqualTo(one);
    }
    DatasetProfile profile = ProfileCodec.decode(one);
    assertThat(profile.columns().get(0).quantiles().orElseThrow().isExact()).isFalse();
  }

  @Test
  void theDefaultPartitionSizeAgreesAcrossThreadCountsToo() {
    ProfileOptions one = ProfileOptions.defaults().withThreads(1);
    ProfileOptions three = ProfileOptions.defaults().withThreads(3);
    assertThat(
            ProfileCodec.encode(Profiler.profile(ProfilerTest.SCHEMA, BATCHES.iterator(), three)))
        .isEqualTo(
            ProfileCodec.encode(Profiler.profile(ProfilerTest.SCHEMA, BATCHES.iterator(), one)));
  }

  @Test
  void shortAndEmptyInputsAgreeAcrossThreadCounts() {
    List<ColumnBatch> three = BATCHES.subList(0, 3);
    assertThat(encoded(three, 4)).isEqualTo(encoded(three, 1));
    assertThat(encoded(Collections.emptyList(), 4)).isEqualTo(encoded(Collections.emptyList(), 1));
    assertThat(ProfileCodec.decode(encoded(Collections.emptyList(), 3)).columns())
        .isEqualTo(DatasetProfile.empty(ProfilerTest.SCHEMA, StateConfig.defaults()).columns());
  }
}
