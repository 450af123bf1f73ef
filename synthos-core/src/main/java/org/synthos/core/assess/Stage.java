package org.synthos.core.assess;

import java.util.Locale;

/** The stages of a validation, in execution order. */
public enum Stage {
  PROFILE,
  INTRINSIC,
  FIDELITY,
  MULTIVARIATE,
  LEARNABILITY,
  COLLAPSE,
  LOCALISATION,
  RECOMMENDATIONS,
  DECISION;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
