package org.synthos.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.synthos.core.assess.Decision;

/** The approximate (HNSW) path of {@link SignatureIndex} against its exact search. */
@Tag("unit")
class SignatureIndexTest {
  private static final int DIM = Feature.values().length;

  @Test
  void hnswRecallAtTenAgainstExactSearch() {
    SignatureIndex approximate = library(20_000, 0, 1);
    SignatureIndex exact = library(20_000, Integer.MAX_VALUE, 1);
    SplittableRandom rng = new SplittableRandom(2);
    int found = 0;
    int wanted = 0;
    for (int q = 0; q < 100; q++) {
      ProfileFeatures query = ProfileFeatures.of(randomFeatures(rng));
      List<SignatureIndex.Neighbour> truth = exact.nearest(query, null, 10, e -> true);
      List<SignatureIndex.Neighbour> got = approximate.nearest(query, null, 10, e -> true);
      Set<String> truthIds = ids(truth);
      wanted += truthIds.size();
      found += (int) got.stream().filter(n -> truthIds.contains(n.validationId())).count();
      // Re-ranked exactly: each answer's distance and similarity are the exact ones.
      for (SignatureIndex.Neighbour n : got) {
        assertThat(n.similarity()).isEqualTo(SignatureIndex.similarity(n.distance()));
      }
      assertThat(got).extracting(SignatureIndex.Neighbour::distance).isSorted();
    }
    assertThat((double) found / wanted).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void visibilityIsRespectedAndSelectivePredicatesFallBackToExactSearch() {
    SignatureIndex approximate = library(5_000, 0, 3);
    SignatureIndex exact = library(5_000, Integer.MAX_VALUE, 3);
    ProfileFeatures query = ProfileFeatures.of(randomFeatures(new SplittableRandom(4)));
    // Half the entries visible: the graph's candidates suffice.
    Predicate<SignatureIndex.Entry> even = e -> e.scope().equals("even");
    assertThat(approximate.nearest(query, null, 10, even))
        .hasSize(10)
        .allSatisfy(n -> assertThat(Integer.parseInt(n.validationId().substring(4)) % 2).isZero());
    // Three visible entries: too few among the candidates, so the exact scan answers.
    Set<String> few = Set.of("sig-17", "sig-2500", "sig-4999");
    Predicate<SignatureIndex.Entry> rare = e -> few.contains(e.validationId());
    assertThat(approximate.nearest(query, null, 10, rare))
        .isEqualTo(exact.nearest(query, null, 10, rare))
        .hasSize(3);
    assertThat(approximate.nearest(query, null, 10, e -> false)).isEmpty();
  }

  @Test
  void hnswAnswersAreDeterministic() {
    SplittableRandom rng = new SplittableRandom(6);
    ProfileFeatures query = ProfileFeatures.of(randomFeatures(rng));
    SignatureIndex first = library(5_000, 0, 5);
    SignatureIndex second = library(5_000, 0, 5);
    List<SignatureIndex.Neighbour> answer = first.nearest(query, null, 10, e -> true);
    assertThat(answer).hasSize(10);
    assertThat(first.nearest(query, null, 10, e -> true)).isEqualTo(answer);
    assertThat(second.nearest(query, null, 10, e -> true)).isEqualTo(answer);
  }

  @Test
  void additionsAfterAQueryAreSearched() {
    SignatureIndex index = library(2_000, 0, 7);
    double[] x = randomFeatures(new SplittableRandom(8));
    ProfileFeatures query = ProfileFeatures.of(x);
    assertThat(index.nearest(query, null, 1, e -> true).get(0).distance()).isPositive();
    index.add(SignatureTest.signature("late", x, Decision.APPROVE), "even");
    SignatureIndex.Neighbour nearest = index.nearest(query, null, 1, e -> true).get(0);
    assertThat(nearest.validationId()).isEqualTo("late");
    assertThat(nearest.similarity()).isEqualTo(1.0);
  }

  @Test
  void smallLibrariesAreSearchedExactly() {
    SignatureIndex byDefault = library(2_000, SignatureIndex.EXACT_UP_TO, 9);
    SignatureIndex exact = library(2_000, Integer.MAX_VALUE, 9);
    SplittableRandom rng = new SplittableRandom(10);
    for (int q = 0; q < 20; q++) {
      ProfileFeatures query = ProfileFeatures.of(randomFeatures(rng));
      assertThat(byDefault.nearest(query, null, 10, e -> true))
          .isEqualTo(exact.nearest(query, null, 10, e -> true));
    }
  }

  /**
   * Query time exact against HNSW at 200,000 signatures, printed; run with {@code mvn -o -B verify
   * -pl synthos-core -am -Dtest=SignatureIndexTest#queryTimeAt200k
   * -Dsurefire.failIfNoSpecifiedTests=false -Dsynthos.timing=true -Djacoco.skip=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "synthos.timing", matches = "true")
  void queryTimeAt200k() {
    int n = 200_000;
    SignatureIndex exact = library(n, Integer.MAX_VALUE, 11);
    SignatureIndex approximate = library(n, SignatureIndex.EXACT_UP_TO, 11);
    SplittableRandom rng = new SplittableRandom(12);
    long build = System.nanoTime();
    approximate.nearest(ProfileFeatures.of(randomFeatures(rng)), null, 10, e -> true);
    double buildSeconds = (System.nanoTime() - build) / 1e9;
    double exactMs = bestOf(exact, rng);
    double hnswMs = bestOf(approximate, rng);
    System.out.printf(
        "%d signatures, k = 10, best of 30: exact %.2f ms, HNSW %.3f ms (graph built in %.1f s)%n",
        n, exactMs, hnswMs, buildSeconds);
    assertThat(hnswMs).isPositive();
  }

  private static double bestOf(SignatureIndex index, SplittableRandom rng) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 30; i++) {
      ProfileFeatures query = ProfileFeatures.of(randomFeatures(rng));
      long t = System.nanoTime();
      List<SignatureIndex.Neighbour> answer = index.nearest(query, null, 10, e -> true);
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
      assertThat(answer).hasSize(10);
    }
    return best;
  }

  /** {@code n} signatures with uniform random features, scopes alternating "even" and "odd". */
  private static SignatureIndex library(int n, int exactUpTo, long seed) {
    SignatureIndex index = new SignatureIndex(exactUpTo);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      Decision d = i % 3 == 0 ? Decision.REJECT : Decision.APPROVE;
      index.add(
          SignatureTest.signature("sig-" + i, randomFeatures(rng), d), i % 2 == 0 ? "even" : "odd");
    }
    return index;
  }

  private static double[] randomFeatures(SplittableRandom rng) {
    double[] x = new double[DIM];
    for (int j = 0; j < DIM; j++) {
      x[j] = rng.nextDouble();
    }
    return x;
  }

  private static Set<String> ids(List<SignatureIndex.Neighbour> ns) {
    Set<String> out = new HashSet<>();
    ns.forEach(n -> out.add(n.validationId()));
    return out;
  }
}
