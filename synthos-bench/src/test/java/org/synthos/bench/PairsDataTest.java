package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.bench.PairsData.Pair;

/**
 * The pairs are disjoint seeded halves with defect variants, and the in-process validation reports
 * every stage. The derived datasets are not in the repository, so a committed example stands in for
 * one of them.
 */
@Tag("integration")
class PairsDataTest {
  @Test
  void splitsADatasetIntoDisjointHalvesWithDefectVariants(@TempDir Path tmp) throws Exception {
    Path derived = Files.createDirectories(tmp.resolve("data/derived"));
    Files.copy(
        RepositoryRoot.find().resolve("examples/credit-g.csv"), derived.resolve("zipcodes.csv"));
    PairsOptions options =
        PairsOptions.parse(new String[] {"--size", "200", "--datasets", "zipcodes"});

    List<Pair> pairs = PairsData.make(options, tmp, tmp.resolve("out"), line -> {});
    List<Pair> again = PairsData.make(options, tmp, tmp.resolve("again"), line -> {});

    assertThat(pairs)
        .extracting(Pair::name)
        .containsExactly(
            "zipcodes-clean", "zipcodes-exact_duplicates", "zipcodes-correlation_break");
    assertThat(pairs).allSatisfy(p -> assertThat(p.candidateRows()).isEqualTo(200));
    assertThat(pairs).allSatisfy(p -> assertThat(p.referenceRows()).isEqualTo(200));
    Pair clean = pairs.get(0);
    Set<String> reference = new HashSet<>(lines(clean.reference()));
    List<String> candidate = lines(clean.candidate());
    assertThat(candidate.get(0)).as("same header").isEqualTo(lines(clean.reference()).get(0));
    assertThat(candidate.subList(1, candidate.size()))
        .as("no candidate row is a reference row")
        .noneMatch(reference::contains);
    assertThat(lines(pairs.get(1).candidate())).isNotEqualTo(candidate);
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(lines(again.get(i).candidate()))
          .as("seeded")
          .isEqualTo(lines(pairs.get(i).candidate()));
    }

    PairValidation.Run run = PairValidation.validate(clean.candidate(), clean.reference(), "0");
    assertThat(run.stageMillis())
        .containsOnlyKeys(
            "profile",
            "intrinsic",
            "fidelity",
            "multivariate",
            "learnability",
            "collapse",
            "localisation",
            "recommendations",
            "decision");
    assertThat(run.totalMillis())
        .isEqualTo(run.stageMillis().values().stream().mapToLong(Long::longValue).sum());
    assertThat(run.decision()).isIn("approve", "reject");
  }

  @Test
  void theExamplePairIsTheReadmesFiveHundredRows() {
    Pair p = PairsData.example(RepositoryRoot.find()).orElseThrow();
    assertThat(p.candidateRows()).isEqualTo(500);
    assertThat(p.referenceRows()).isEqualTo(500);
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.readAllLines(file);
  }
}
