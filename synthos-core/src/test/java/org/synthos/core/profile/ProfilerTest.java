package org.synthos.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.synthos.core.state.TestBatches.batch;
import static org.synthos.core.state.TestBatches.booleans;
import static org.synthos.core.state.TestBatches.doubles;
import static org.synthos.core.state.TestBatches.longs;
import static org.synthos.core.state.TestBatches.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.state.Granularity;
import org.synthos.core.state.ValueCount;

@Tag("unit")
class ProfilerTest {
  static final Schema SCHEMA =
      Schema.of(
          new Field("x", ColumnType.FLOAT),
          new Field("n", ColumnType.INTEGER),
          new Field("cat", ColumnType.CATEGORICAL),
          new Field("flag", ColumnType.BOOLEAN),
          new Field("when", ColumnType.DATETIME),
          new Field("note", ColumnType.TEXT),
          new Field("id", ColumnType.IDENTIFIER));

  /** Generated rows with nulls in every column, in batches of {@code batchSize}. */
  static List<ColumnBatch> generate(int rows, int batchSize, long seed) {
    Random rnd = new Random(seed);
    List<ColumnBatch> out = new ArrayList<>();
    String[] cats = {"a", "b", "c", "d"};
    for (int from = 0; from < rows; from += batchSize) {
      int n = Math.min(batchSize, rows - from);
      Double[] x = new Double[n];
      Long[] k = new Long[n];
      String[] c = new String[n];
      Boolean[] f = new Boolean[n];
      Long[] t = new Long[n];
      String[] note = new String[n];
      String[] id = new String[n];
      for (int i = 0; i < n; i++) {
        boolean isNull = rnd.nextInt(20) == 0;
        double g = rnd.nextGaussian();
        x[i] = isNull ? null : 10 + 2 * g;
        k[i] = rnd.nextInt(30) == 0 ? null : (long) (100 * g) + 5;
        c[i] = rnd.nextInt(25) == 0 ? null : cats[(int) Math.min(3, Math.abs(g) * 2)];
        f[i] = rnd.nextInt(10) == 0 ? null : g > 0;
        t[i] =
            rnd.nextInt(10) == 0
                ? null
                : 1_699_999_200_000_000L + rnd.nextInt(1000) * 3_600_000_000L;
        note[i] = rnd.nextInt(5) == 0 ? null : "word " + "x".repeat(rnd.nextInt(5)) + " end";
        id[i] = "id-" + (from + i);
      }
      out.add(
          batch(
              SCHEMA,
              from,
              doubles(x),
              longs(k),
              strings(c),
              booleans(f),
              longs(t),
              strings(note),
              strings(id)));
    }
    return out;
  }

  @Test
  void summariesDescribeEveryColumnType() {
    List<ColumnBatch> batches = generate(5_000, 700, 1);
    DatasetProfile p =
        Profiler.profile(SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(1));
    assertThat(p.rows()).isEqualTo(5_000);
    List<ColumnSummary> s = p.summaries(3);
    assertThat(s)
        .extracting(ColumnSummary::name)
        .containsExactly("x", "n", "cat", "flag", "when", "note", "id");

    ColumnSummary x = s.get(0);
    assertThat(x.nulls()).isBetween(150L, 350L);
    ColumnSummary.Numeric num = x.numeric().orElseThrow();
    assertThat(num.mean()).isCloseTo(10, within(0.15));
    assertThat(num.std().getAsDouble()).isCloseTo(2, within(0.1));
    assertThat(num.quantiles().p50()).isCloseTo(10, within(0.2));
    assertThat(num.quantileRankError()).isGreaterThan(0);
    assertThat(x.categories()).isEmpty();

    ColumnSummary cat = s.get(2);
    ColumnSummary.Categories cs = cat.categories().orElseThrow();
    assertThat(cs.approximate()).isFalse();
    assertThat(cs.top()).hasSize(3).extracting(ValueCount::value).containsExactly("a", "b", "c");
    assertThat(cat.distinct().exact()).isTrue();
    assertThat(cat.distinct().estimate()).isEqualTo(4);

    ColumnSummary when = s.get(4);
    ColumnSummary.Datetime dt = when.datetime().orElseThrow();
    assertThat(dt.granularity()).isEqualTo(Granularity.HOUR);
    assertThat(dt.min()).isAfterOrEqualTo(Instant.ofEpochSecond(1_699_999_200L));

    ColumnSummary note = s.get(5);
    ColumnSummary.Text text = note.text().orElseThrow();
    assertThat(text.minLength()).isEqualTo(9);
    assertThat(text.maxLength()).isEqualTo(13);
    assertThat(text.meanTokens()).isCloseTo(2.8, within(0.05));
    assertThat(text.maxTokens()).isEqualTo(3);

    ColumnSummary id = s.get(6);
    assertThat(id.distinct().estimate()).isCloseTo(5_000, within(5_000 * 0.05));
    assertThat(id.categories()).isEmpty();
    assertThat(p.pearson(0, 1).getAsDouble()).isGreaterThan(0.9);
    assertThat(p.pearsonCorrelations())
        .extracting(DatasetProfile.Correlation::first, DatasetProfile.Correlation::second)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", "n"),
            org.assertj.core.groups.Tuple.tuple("x", "when"),
            org.assertj.core.groups.Tuple.tuple("n", "when"));
  }

  @Test
  void parallelResultEqualsSingleThreadResult() {
    List<ColumnBatch> batches = generate(20_000, 512, 2);
    DatasetProfile one =
        Profiler.profile(SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(1));
    DatasetProfile four =
        Profiler.profile(SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(4));
    List<ColumnSummary> a = one.summaries();
    List<ColumnSummary> b = four.summaries();
    for (int i = 0; i < a.size(); i++) {
      ColumnSummary sa = a.get(i);
      ColumnSummary sb = b.get(i);
      assertThat(sb.rows()).isEqualTo(sa.rows());
      assertThat(sb.nulls()).isEqualTo(sa.nulls());
      assertThat(sb.distinct()).isEqualTo(sa.distinct());
      assertThat(sb.categories()).isEqualTo(sa.categories());
      assertThat(sb.datetime()).isEqualTo(sa.datetime());
      if (sa.numeric().isPresent()) {
        ColumnSummary.Numeric na = sa.numeric().get();
        ColumnSummary.Numeric nb = sb.numeric().get();
        assertThat(nb.mean()).isCloseTo(na.mean(), within(1e-9 * Math.abs(na.mean()) + 1e-12));
        double std = na.std().getAsDouble();
        assertThat(nb.std().getAsDouble()).isCloseTo(std, within(1e-9 * std));
        assertThat(nb.min()).isEqualTo(na.min());
        assertThat(nb.max()).isEqualTo(na.max());
      }
    }
    assertThat(four.pearson(0, 1).getAsDouble())
        .isCloseTo(one.pearson(0, 1).getAsDouble(), within(1e-12));
    assertThat(four.pairs().contingency()).isEqualTo(one.pairs().contingency());
  }

  @Test
  void progressIsReportedUpToTheRowCount() {
    AtomicLong last = new AtomicLong();
    List<ColumnBatch> batches = generate(3_000, 100, 3);
    Profiler.profile(
        SCHEMA,
        batches.iterator(),
        ProfileOptions.defaults()
            .withThreads(3)
            .withProgress(
                r -> {
                  assertThat(r).isGreaterThan(last.get());
                  last.set(r);
                }));
    assertThat(last.get()).isEqualTo(3_000);
  }

  @Test
  void emptyInputGivesAnEmptyProfileWithNoNumbers() {
    DatasetProfile p =
        Profiler.profile(SCHEMA, Collections.emptyIterator(), ProfileOptions.defaults());
    assertThat(p.rows()).isZero();
    for (ColumnSummary s : p.summaries()) {
      assertThat(s.numeric()).isEmpty();
      assertThat(s.text()).isEmpty();
      assertThat(s.datetime()).isEmpty();
      assertThat(s.distinct().estimate()).isZero();
    }
    assertThat(p.pearson(0, 1)).isEmpty();
  }

  @Test
  void aBatchOfAnotherSchemaIsRejected() {
    Schema other = Schema.of(new Field("y", ColumnType.FLOAT));
    List<ColumnBatch> batches = List.of(batch(other, 0, doubles(1.0, 2.0)));
    for (int threads : new int[] {1, 2}) {
      assertThatThrownBy(
              () ->
                  Profiler.profile(
                      SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(threads)))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
    }
  }

  @Test
  void aFailingReaderStopsTheWorkersAndSurfacesItsError() {
    List<ColumnBatch> good = generate(2_000, 100, 4);
    java.util.Iterator<ColumnBatch> failing =
        new java.util.Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public ColumnBatch next() {
            if (i == good.size()) {
              throw new SynthosException(ErrorCode.RAGGED_ROW, "row 2001 has 3 fields");
            }
            return good.get(i++);
          }
        };
    assertThatThrownBy(
            () -> Profiler.profile(SCHEMA, failing, ProfileOptions.defaults().withThreads(2)))
        .hasMessageContaining("row 2001");
  }

  @Test
  void profilesRoundTripThroughTheCodec() {
    DatasetProfile p =
        Profiler.profile(SCHEMA, generate(3_000, 1000, 5).iterator(), ProfileOptions.defaults());
    DatasetProfile back = ProfileCodec.decode(ProfileCodec.encode(p));
    assertThat(back).isEqualTo(p);
    assertThat(back.summaries()).isEqualTo(p.summaries());
  }

  @Test
  void aNewerProfileFormatIsRefusedClearly() {
    byte[] bytes =
        ProfileCodec.encode(
            DatasetProfile.empty(SCHEMA, org.synthos.core.state.StateConfig.defaults()));
    bytes[4] = 9;
    assertThatThrownBy(() -> ProfileCodec.decode(bytes))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
              assertThat(e.getMessage()).contains("version 9").contains("at most version 2");
            });
  }

  @Test
  void twoWorkersGetShortQueuesAndMoreWorkersAPartitionOfLead() {
    ColumnBatch first = generate(8_192, 8_192, 6).get(0);
    int partition = (Profiler.PARTITION_ROWS + 8_191) / 8_192 + 1;
    assertThat(Profiler.queueCapacity(first, Profiler.PARTITION_ROWS, 2))
        .isEqualTo(Profiler.PAIR_QUEUED_BATCHES);
    assertThat(Profiler.queueCapacity(first, Profiler.PARTITION_ROWS, 4)).isEqualTo(partition);
    // A partition shorter than the short queue bounds it as before.
    assertThat(Profiler.queueCapacity(first, 8_192, 2)).isEqualTo(2);
    // Results never depend on the queues: two workers give the profile of one thread.
    List<ColumnBatch> batches = generate(40_000, 512, 7);
    DatasetProfile one =
        Profiler.profile(
            SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(1), 4_096);
    DatasetProfile two =
        Profiler.profile(
            SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(2), 4_096);
    assertThat(ProfileCodec.encode(two)).isEqualTo(ProfileCodec.encode(one));
  }
}
