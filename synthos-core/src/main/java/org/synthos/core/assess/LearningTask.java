package org.synthos.core.assess;

import java.util.Locale;

/** What a proxy model learns about a target column. */
public enum LearningTask {
  /** A categorical or boolean target: class probabilities, judged by ROC AUC and log loss. */
  CLASSIFICATION,
  /** A numeric target: values, judged by R² and squared error. */
  REGRESSION;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
