package org.synthos.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.rows.Tables;

/** Signatures: determinism, round trips, and the pre-screen's answers. */
@Tag("unit")
class SignatureTest {
  private static final ValidationOptions OPTIONS =
      ValidationOptions.defaults().withAblations(0).withSeed(11);

  /** Mixed rows; every {@code copyEvery}-th row repeats the one before it (0: none). */
  static List<Object[]> rows(int n, long seed, int copyEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Object[]> out = new ArrayList<>();
    String[] labels = {"a", "b", "c", "d"};
    for (int i = 0; i < n; i++) {
      if (copyEvery > 0 && i > 0 && i % copyEvery == 0) {
        out.add(out.get(i - 1).clone());
        continue;
      }
      double x = r.nextGaussian();
      out.add(
          new Object[] {
            (long) r.nextInt(100),
            r.nextDouble() < 0.05 ? null : x * 3 + 10,
            labels[Math.min(3, (int) Math.floor(Math.abs(x) * 2))],
            r.nextBoolean()
          });
    }
    return out;
  }

  static DatasetSource source(String name, List<Object[]> rows) {
    ColumnBatch b = Tables.batch(Tables.MIXED, rows, 0);
    return DatasetSource.ofBatches(name, Tables.MIXED, List.of(b));
  }

  private static Signature validated(List<Object[]> candidate, List<Object[]> reference) {
    DatasetSource cand = source("candidate", candidate);
    ValidationResult result =
        Validator.validate(
            ValidationInput.of(cand, source("reference", reference)),
            OPTIONS,
            ProgressListener.NONE);
    return Signature.of(ScreenPass.features(cand, 1), result);
  }

  @Test
  void theFeaturesAreTheSameForEveryThreadCountAndRun() {
    List<Object[]> rows = rows(3000, 1, 0);
    List<ColumnBatch> batches = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += 500) {
      batches.add(Tables.batch(Tables.MIXED, rows.subList(i, i + 500), i));
    }
    DatasetSource src = DatasetSource.ofBatches("t", Tables.MIXED, batches);
    ProfileFeatures one = ScreenPass.features(src, 1);
    assertThat(ScreenPass.features(src, 2)).isEqualTo(one);
    assertThat(ScreenPass.features(src, 1)).isEqualTo(one);
    for (double v : one.values()) {
      assertThat(v).isBetween(0.0, 1.0);
    }
    assertThat(one.get(Feature.NUMERIC_SHARE)).isEqualTo(0.5);
    assertThat(one.get(Feature.CATEGORICAL_SHARE)).isEqualTo(0.5);
    assertThat(one.get(Feature.NULL_SHARE)).isCloseTo(0.05 / 4, within(0.005));
  }

  @Test
  void theDuplicateShareCountsRepeatedRows() {
    ProfileFeatures none = ScreenPass.features(source("a", rows(4000, 2, 0)), 1);
    ProfileFeatures half = ScreenPass.features(source("b", rows(4000, 2, 2)), 1);
    assertThat(none.get(Feature.DUPLICATE_ROW_SHARE)).isLessThan(0.02);
    assertThat(half.get(Feature.DUPLICATE_ROW_SHARE)).isCloseTo(0.5, within(0.02));
  }

  @Test
  void aValidationsSignatureIsDeterministicAndRoundTrips(@TempDir Path dir) {
    List<Object[]> real = rows(800, 3, 0);
    Signature s = validated(real.subList(0, 400), real.subList(400, 800));
    assertThat(validated(real.subList(0, 400), real.subList(400, 800))).isEqualTo(s);
    assertThat(s.measures()).isNotEmpty();
    assertThat(s.validationId()).startsWith("val-");
    assertThat(SignatureCodec.decode(SignatureCodec.encode(s))).isEqualTo(s);

    Signature copies = validated(rows(400, 4, 2), real.subList(400, 800));
    assertThat(copies.decision()).isEqualTo(Decision.REJECT);
    assertThat(copies.collapseTypes()).contains(CollapseType.DUPLICATION);
    SignatureFile.append(dir, s);
    SignatureFile.append(dir, copies);
    assertThat(SignatureFile.read(dir)).containsExactly(s, copies);
    assertThat(SignatureFile.read(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void aDatasetSeenBeforeFindsItsOwnValidationAtSimilarityOne() {
    List<Object[]> real = rows(800, 5, 0);
    List<Object[]> cand = real.subList(0, 400);
    Signature seen = validated(cand, real.subList(400, 800));
    SignatureIndex index = SignatureFile.index(List.of(seen));
    DatasetSource again = source("candidate", cand);
    PreScreen.Result r =
        PreScreen.screen(index, ScreenPass.features(again, 2), seen.datasetSha256(), 5, e -> true);
    assertThat(r.neighbours()).hasSize(1);
    SignatureIndex.Neighbour n = r.neighbours().get(0);
    assertThat(n.validationId()).isEqualTo(seen.validationId());
    assertThat(n.similarity()).isEqualTo(1.0);
    assertThat(n.sameDataset()).isTrue();
    assertThat(r).isInstanceOf(PreScreen.Estimate.class);
    PreScreen.Estimate e = (PreScreen.Estimate) r;
    assertThat(e.risk()).isEqualTo(seen.risk());
    // One neighbour is one observation: no interval can be narrow.
    assertThat(e.riskLow()).isEqualTo(0.0);
    assertThat(e.riskHigh()).isEqualTo(100.0);
    assertThat(e.confident()).isEmpty();
  }

  @Test
  void anEmptyOrUnrelatedLibraryIsNotApplicableWithTheReason() {
    ProfileFeatures q = ScreenPass.features(source("q", rows(500, 6, 0)), 1);
    PreScreen.Result empty = PreScreen.screen(new SignatureIndex(), q, null, 10, e -> true);
    assertThat(empty).isInstanceOf(PreScreen.NotApplicable.class);
    assertThat(((PreScreen.NotApplicable) empty).reason()).contains("library is empty");

    double[] far = q.values();
    for (int i = 0; i < far.length; i++) {
      far[i] = 1 - far[i];
    }
    SignatureIndex index = SignatureFile.index(List.of(signature("val-far", far, Decision.REJECT)));
    PreScreen.Result unrelated = PreScreen.screen(index, q, null, 10, e -> true);
    assertThat(unrelated).isInstanceOf(PreScreen.NotApplicable.class);
    assertThat(((PreScreen.NotApplicable) unrelated).reason())
        .contains("no recorded validation resembles this dataset")
        .contains("below 0.50");
    assertThat(unrelated.neighbours()).hasSize(1);
    assertThat(PreScreen.screen(index, q, null, 10, e -> false))
        .isInstanceOf(PreScreen.NotApplicable.class);
  }

  @Test
  void agreeingNeighboursGiveAConfidentDecisionAndMixedOnesDoNot() {
    double[] x = new double[Feature.values().length];
    Arrays.fill(x, 0.3);
    List<Signature> rejects = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rejects.add(signature("val-r" + i, x, Decision.REJECT));
    }
    ProfileFeatures q = ProfileFeatures.of(x);
    PreScreen.Estimate sure =
        (PreScreen.Estimate) PreScreen.screen(SignatureFile.index(rejects), q, null, 10, e -> true);
    assertThat(sure.used()).isEqualTo(8);
    assertThat(sure.effectiveNeighbours()).isCloseTo(8, within(1e-9));
    assertThat(sure.rejectLow()).isGreaterThan(0.5);
    assertThat(sure.confident()).contains(Decision.REJECT);
    assertThat(sure.riskLow()).isEqualTo(sure.risk());

    List<Signature> mixed = new ArrayList<>(rejects.subList(0, 4));
    for (int i = 0; i < 4; i++) {
      mixed.add(signature("val-a" + i, x, Decision.APPROVE));
    }
    PreScreen.Estimate unsure =
        (PreScreen.Estimate) PreScreen.screen(SignatureFile.index(mixed), q, null, 10, e -> true);
    assertThat(unsure.rejectProbability()).isCloseTo(0.5, within(1e-9));
    assertThat(unsure.confident()).isEmpty();
    assertThat(unsure.riskLow()).isLessThan(unsure.risk());
    assertThat(unsure.riskHigh()).isGreaterThan(unsure.risk());
  }

  @Test
  void theIndexKeepsTheKNearestInOrderWhateverTheInsertionOrder() {
    List<Signature> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      double[] x = new double[Feature.values().length];
      Arrays.fill(x, i / 100.0);
      all.add(signature("val-" + (100 + i), x, Decision.APPROVE));
    }
    double[] q = new double[Feature.values().length];
    Arrays.fill(q, 0.1);
    List<SignatureIndex.Neighbour> forward =
        SignatureFile.index(all).nearest(ProfileFeatures.of(q), null, 3, e -> true);
    List<Signature> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    assertThat(SignatureFile.index(reversed).nearest(ProfileFeatures.of(q), null, 3, e -> true))
        .isEqualTo(forward);
    assertThat(forward.get(0).validationId()).isEqualTo("val-110");
    assertThat(forward.get(0).similarity()).isEqualTo(1.0);
    assertThat(forward.subList(1, 3))
        .extracting(SignatureIndex.Neighbour::validationId)
        .containsExactlyInAnyOrder("val-109", "val-111");
  }

  @Test
  void measuresAreStandardisedByTheirBands() {
    assertThat(Signature.standardise(0.3, new NullBand(0.1, 0.3, 100))).isCloseTo(1, within(1e-12));
    assertThat(Signature.standardise(0.1, new NullBand(0.1, 0.3, 100))).isEqualTo(0.0);
    assertThat(Signature.standardise(0.1, new NullBand(0.1, 0.1, 100))).isNaN();
  }

  @Test
  void malformedAndNewerLinesAreRefusedWithTheirCodes(@TempDir Path dir) throws Exception {
    double[] x = new double[Feature.values().length];
    String line = SignatureCodec.encode(signature("val-x", x, Decision.APPROVE));
    assertThatThrownBy(() -> SignatureCodec.decode(line.replace("\"format\":1", "\"format\":2")))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION));
    assertThatThrownBy(() -> SignatureCodec.decode(line.replace("\"log_rows\"", "\"other\"")))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD));
    Files.writeString(SignatureFile.file(dir), line + "\n{oops\n");
    assertThatThrownBy(() -> SignatureFile.read(dir))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
              assertThat(e.location().orElseThrow().line()).isEqualTo(2);
            });
  }

  static Signature signature(String id, double[] features, Decision decision) {
    return new Signature(
        id,
        "0".repeat(64),
        ProfileFeatures.of(features),
        Map.of(),
        decision,
        decision == Decision.REJECT ? 70 : 10,
        List.of());
  }
}
