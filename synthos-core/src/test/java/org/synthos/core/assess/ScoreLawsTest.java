package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Tag;
import org.synthos.core.assess.judge.Verdicts;

/** Scores stay in [0, 100] and the verdict follows its rules whatever the inputs. */
@Tag("laws")
class ScoreLawsTest {
  @Property
  void evidenceScoreIsBounded(
      @ForAll double value,
      @ForAll @DoubleRange(min = -10, max = 10) double upper,
      @ForAll Measure measure) {
    Evidence e = Evidence.of(measure, Subject.DATASET, value, new NullBand(0, upper, 20), "");
    assertThat(e.score()).isBetween(0.0, 100.0);
  }

  @Property
  void verdictRiskIsBoundedAndFailingDimensionRejects(
      @ForAll @Size(min = 1, max = 7) List<@DoubleRange(min = 0, max = 100) Double> scores) {
    Policy p = Policy.defaults();
    List<DimensionResult> dims = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      Dimension d = Dimension.values()[i];
      double s = scores.get(i);
      dims.add(new DimensionResult.Scored(d, s, 80, 60, p.threshold(d).status(s), List.of()));
    }
    Verdict v = Verdicts.decide(dims, List.of(), p);
    assertThat(v.riskScore()).isBetween(0.0, 100.0);
    assertThat(v.collapseProbability()).isBetween(0.0, 1.0);
    assertThat(v.confidence()).isBetween(0.5, 0.99);
    assertThat(v.riskLevel()).isEqualTo(RiskLevel.of(v.riskScore()));
    boolean anyFail = scores.stream().anyMatch(s -> s < 60);
    if (anyFail) {
      assertThat(v.decision()).isEqualTo(Decision.REJECT);
    }
    if (scores.stream().allMatch(s -> s >= 85)) {
      assertThat(v.decision()).isEqualTo(Decision.APPROVE);
    }
  }

  @Property
  void riskLevelsFollowTheBands(@ForAll @DoubleRange(min = 0, max = 100) double risk) {
    RiskLevel l = RiskLevel.of(risk);
    assertThat(l)
        .isEqualTo(risk < 25 ? RiskLevel.LOW : risk < 60 ? RiskLevel.MEDIUM : RiskLevel.HIGH);
  }
}
