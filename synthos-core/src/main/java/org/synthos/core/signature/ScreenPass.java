package org.synthos.core.signature;

import java.util.Iterator;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.PartitionRider;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiled;
import org.synthos.core.profile.Profiler;
import org.synthos.core.rows.RowHasher;
import org.synthos.core.state.DistinctState;

/**
 * The pre-screen's one cheap pass over a dataset: the {@link Profiler}'s profile and, riding the
 * same partitions, a HyperLogLog of 64-bit row hashes for the distinct-row count. Deterministic for
 * every thread count, since both parts merge in partition order and neither depends on timing.
 */
public final class ScreenPass {
  /** log2 of the row sketch's registers: relative standard error about 0.4%. */
  public static final int ROW_LG_K = 16;

  /** The row hash seed; any fixed value, so equal rows hash equal in every pass. */
  static final long ROW_SEED = 0x5397_1E5A_9A7E_0001L;

  private ScreenPass() {}

  /**
   * The profile and distinct-row sketch of a dataset.
   *
   * @param profile the one-pass profile
   * @param rows HLL of the rows' hashes
   */
  public record Screened(DatasetProfile profile, DistinctState rows) {
    /** The screens of two disjoint row sets of the same schema, combined. */
    public Screened merge(Screened other) {
      return new Screened(profile.merge(other.profile), rows.merge(other.rows));
    }

    /** The signature's profile features. */
    public ProfileFeatures features() {
      return ProfileFeatures.of(profile, rows.estimate());
    }
  }

  /** Reads {@code source} once on {@code threads} threads. */
  public static Screened read(DatasetSource source, int threads) {
    return read(source.schema(), source.batches().get(), threads);
  }

  /** Reads the batches once on {@code threads} threads. */
  public static Screened read(
      org.synthos.api.Schema schema, Iterator<ColumnBatch> batches, int threads) {
    Profiled<DistinctState> p =
        Profiler.profile(
            schema, batches, ProfileOptions.defaults().withThreads(threads), new RowRider());
    return new Screened(p.profile(), p.ridden());
  }

  /** The features of {@code source}, from one pass. */
  public static ProfileFeatures features(DatasetSource source, int threads) {
    return read(source, threads).features();
  }

  /** A HyperLogLog of row hashes per partition, merged by union. */
  private static final class RowRider implements PartitionRider<HllSketch, DistinctState> {
    @Override
    public HllSketch open(long partition) {
      return new HllSketch(ROW_LG_K, TgtHllType.HLL_8);
    }

    @Override
    public void update(HllSketch sketch, ColumnBatch batch) {
      int n = batch.rowCount();
      long[] high = new long[n];
      long[] low = new long[n];
      RowHasher.hashBatch(batch, ROW_SEED, high, low);
      for (int i = 0; i < n; i++) {
        sketch.update(high[i]);
      }
    }

    @Override
    public DistinctState close(HllSketch sketch) {
      return DistinctState.of(sketch);
    }

    @Override
    public DistinctState merge(DistinctState earlier, DistinctState later) {
      return earlier.merge(later);
    }
  }
}
