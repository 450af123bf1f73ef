package org.synthos.core.signature;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.synthos.core.assess.Decision;
import org.synthos.core.signature.SignatureIndex.Neighbour;

/**
 * The pre-risk of a dataset from its nearest library signatures: a kernel-weighted estimate of the
 * risk and of the probability that the full validation rejects, with their uncertainty, or the
 * reason there is none. See the package documentation for the formulas.
 */
public final class PreScreen {
  /** Neighbours below this similarity do not count; with none above it the answer is N/A. */
  public static final double MIN_SIMILARITY = 0.5;

  /** Neighbours asked for by default. */
  public static final int DEFAULT_K = 10;

  /** Two-sided level of the risk interval and of the reject probability's credible interval. */
  public static final double LEVEL = 0.90;

  private static final double Z = 1.6448536269514722; // standard normal 95% quantile

  private PreScreen() {}

  /** What the pre-screen answers. */
  public sealed interface Result {
    /** The nearest signatures, nearest first, whether or not they counted. */
    List<Neighbour> neighbours();

    /** Signatures the library held for this caller. */
    int librarySize();
  }

  /**
   * An estimate from the neighbours at or above {@link #MIN_SIMILARITY}.
   *
   * @param used neighbours that counted
   * @param effectiveNeighbours Kish's effective sample size (sum w)^2 / sum w^2
   * @param risk similarity-weighted mean of their risks
   * @param riskLow lower end of the 90% interval for a new dataset's risk, clipped to [0, 100]
   * @param riskHigh upper end
   * @param rejectProbability posterior mean of the reject probability
   * @param rejectLow lower end of its 90% equal-tailed credible interval
   * @param rejectHigh upper end
   * @param confident the decision when the credible interval lies entirely on one side of 1/2
   */
  public record Estimate(
      List<Neighbour> neighbours,
      int librarySize,
      int used,
      double effectiveNeighbours,
      double risk,
      double riskLow,
      double riskHigh,
      double rejectProbability,
      double rejectLow,
      double rejectHigh,
      Optional<Decision> confident)
      implements Result {
    public Estimate {
      neighbours = List.copyOf(neighbours);
    }
  }

  /** No estimate, and why. */
  public record NotApplicable(List<Neighbour> neighbours, int librarySize, String reason)
      implements Result {
    public NotApplicable {
      neighbours = List.copyOf(neighbours);
    }
  }

  /** Screens {@code query} against the visible part of {@code index}. */
  public static Result screen(
      SignatureIndex index,
      ProfileFeatures query,
      String datasetSha256,
      int k,
      java.util.function.Predicate<SignatureIndex.Entry> visible) {
    return estimate(index.nearest(query, datasetSha256, k, visible), index.count(visible));
  }

  /** The estimate from the nearest signatures of a library of {@code librarySize}. */
  public static Result estimate(List<Neighbour> nearest, int librarySize) {
    if (nearest.isEmpty()) {
      return new NotApplicable(
          nearest,
          librarySize,
          "the signature library is empty: no validation has been recorded yet, so there is"
              + " nothing to compare this dataset with");
    }
    List<Neighbour> used = nearest.stream().filter(n -> n.similarity() >= MIN_SIMILARITY).toList();
    if (used.isEmpty()) {
      return new NotApplicable(
          nearest,
          librarySize,
          String.format(
              Locale.ROOT,
              "no recorded validation resembles this dataset: the nearest of %d signatures has"
                  + " similarity %.3f, below %.2f",
              librarySize,
              nearest.get(0).similarity(),
              MIN_SIMILARITY));
    }
    double sw = 0;
    double sw2 = 0;
    double swr = 0;
    double swReject = 0;
    for (Neighbour n : used) {
      double w = n.similarity();
      sw += w;
      sw2 += w * w;
      swr += w * n.risk();
      swReject += n.decision() == Decision.REJECT ? w : 0;
    }
    double nEff = sw * sw / sw2;
    double risk = swr / sw;
    double low = 0;
    double high = 100;
    if (nEff > 1) {
      double ss = 0;
      for (Neighbour n : used) {
        double d = n.risk() - risk;
        ss += n.similarity() * d * d;
      }
      double variance = ss / sw * nEff / (nEff - 1);
      double half = Z * Math.sqrt(variance * (1 + 1 / nEff));
      low = Math.max(0, risk - half);
      high = Math.min(100, risk + half);
    }
    double pHat = swReject / sw;
    BetaDistribution posterior =
        new BetaDistribution(null, 0.5 + nEff * pHat, 0.5 + nEff * (1 - pHat));
    double tail = (1 - LEVEL) / 2;
    double pLow = posterior.inverseCumulativeProbability(tail);
    double pHigh = posterior.inverseCumulativeProbability(1 - tail);
    Optional<Decision> confident =
        pLow > 0.5
            ? Optional.of(Decision.REJECT)
            : pHigh < 0.5 ? Optional.of(Decision.APPROVE) : Optional.empty();
    return new Estimate(
        nearest,
        librarySize,
        used.size(),
        nEff,
        risk,
        low,
        high,
        posterior.getNumericalMean(),
        pLow,
        pHigh,
        confident);
  }
}
