package org.synthos.core.assess;

import java.util.List;

/**
 * One entry of the recommendation catalogue, chosen because a dimension, check or localisation
 * cause called for it.
 *
 * @param id stable identifier, e.g. {@code deduplicate}
 * @param title short imperative title
 * @param action what to do, in one or two sentences
 * @param priority high, medium or low
 * @param addresses the dimensions it is meant to improve
 * @param trigger the finding that selected it
 * @param impact the measured effect, or why it could not be measured
 */
public record Recommendation(
    String id,
    String title,
    String action,
    Priority priority,
    List<Dimension> addresses,
    String trigger,
    Impact impact) {
  public Recommendation {
    addresses = List.copyOf(addresses);
  }
}
