package org.synthos.core.assess;

import java.util.Locale;

/** Outcome of a dimension or a check against the policy. */
public enum Status {
  PASS,
  WARN,
  FAIL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The worse of two statuses. */
  public Status worst(Status other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
