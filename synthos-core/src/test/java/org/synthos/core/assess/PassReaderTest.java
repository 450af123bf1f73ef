package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.explain.Localiser;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.FullPass;

/**
 * Passes read elsewhere under {@link Validator.PassReader}'s contract give the local answer: here
 * the reader is the engine's own pass on one thread, exact rows are handed over as counts and the
 * bucketed states of every row as merged states, as the Spark job hands them over.
 */
@Tag("unit")
class PassReaderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void passesReadElsewhereGiveTheLocalResult() {
    ColumnBatch[] h = ExampleData.halves("penguins.csv", 5);
    ColumnBatch cand = DefectInjector.inject(h[0], h[1], Defect.EXACT_DUPLICATES, 0.2, 5).batch();
    ValidationInput in =
        ValidationInput.of(ExampleData.source("c", cand), ExampleData.source("r", h[1]));
    ValidationOptions options = ValidationOptions.defaults().withSeed(7);
    Validator.PassReader reader =
        (c, candHashed, r, refHashed, o) -> {
          FullPass cp = FullPass.read(c, candHashed, o.maxRows(), o.seed(), 1);
          FullPass rp = FullPass.read(r, refHashed, o.maxRows(), o.seed() + 1, 1);
          ExactRows e = ExactRows.of(cp.hashes, rp.hashes, Localiser.LISTED_ROWS);
          ExactRows counted =
              ExactRows.counted(
                  e.candidateRows,
                  e.duplicateRows,
                  e.duplicateGroups,
                  e.copiedRows,
                  e.referenceRows,
                  e.duplicates,
                  e.duplicateOf,
                  e.copies,
                  e.copyOf);
          return new Validator.Passes(
              FullPass.of(cp.profile, cp.sample, null, cp.contentSha256, cp.buckets),
              FullPass.of(rp.profile, rp.sample, null, rp.contentSha256, rp.buckets),
              counted);
        };

    ValidationResult local = Validator.validate(in, options, ProgressListener.NONE, CLOCK);
    ValidationResult elsewhere =
        Validator.validate(in, options, ProgressListener.NONE, CLOCK, reader);

    assertThat(local.verdict().riskScore()).isGreaterThan(0);
    assertThat(elsewhere.validationId()).isEqualTo(local.validationId());
    assertThat(elsewhere.candidate()).isEqualTo(local.candidate());
    assertThat(elsewhere.dimensions()).isEqualTo(local.dimensions());
    assertThat(elsewhere.checks()).isEqualTo(local.checks());
    assertThat(elsewhere.verdict()).isEqualTo(local.verdict());
    assertThat(elsewhere.flaggedRows()).isEqualTo(local.flaggedRows()).isNotEmpty();
    assertThat(elsewhere.recommendations()).isEqualTo(local.recommendations());
  }
}
