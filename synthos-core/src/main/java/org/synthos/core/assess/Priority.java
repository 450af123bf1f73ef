package org.synthos.core.assess;

import java.util.Locale;

/** How urgent a recommendation is: high when it addresses a failing dimension or check. */
public enum Priority {
  HIGH,
  MEDIUM,
  LOW;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
