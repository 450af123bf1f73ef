package org.synthos.core.assess;

import java.util.Locale;

/** The eight dimensions of an assessment, in report order. */
public enum Dimension {
  DISTRIBUTION_FIDELITY("distribution fidelity"),
  CORRELATION_PRESERVATION("correlation preservation"),
  DIVERSITY_RETENTION("diversity retention"),
  RARE_PATTERN_TAIL("rare-pattern and tail preservation"),
  MULTIVARIATE_FIDELITY("multivariate fidelity"),
  MEMORISATION_PRIVACY("memorisation and privacy"),
  TEMPORAL_STABILITY("temporal stability"),
  LEARNABILITY("learnability");

  private final String title;

  Dimension(String title) {
    this.title = title;
  }

  /** The human title, as in the HTML report. */
  public String title() {
    return title;
  }

  /** The snake_case key used in JSON reports and policy files. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #key()}; returns null when unknown. */
  public static Dimension fromKey(String key) {
    for (Dimension d : values()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    return null;
  }
}
