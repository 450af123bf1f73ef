package org.synthos.core.assess;

import java.util.Locale;

/** Risk bands: low below 25, medium below 60, high from 60. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH;

  public static RiskLevel of(double risk) {
    return risk < 25 ? LOW : risk < 60 ? MEDIUM : HIGH;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
