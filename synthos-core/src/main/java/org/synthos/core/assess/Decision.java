package org.synthos.core.assess;

import java.util.Locale;

/** Whether the dataset may be trained on. */
public enum Decision {
  APPROVE,
  REJECT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
