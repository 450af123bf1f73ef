package org.synthos.core.assess;

import java.util.Objects;
import java.util.Optional;

/**
 * What to assess.
 *
 * @param candidate the dataset to judge
 * @param reference the real data it should resemble, or null for intrinsic checks only
 */
public record ValidationInput(DatasetSource candidate, DatasetSource reference) {
  public ValidationInput {
    Objects.requireNonNull(candidate, "candidate");
  }

  public static ValidationInput of(DatasetSource candidate) {
    return new ValidationInput(candidate, null);
  }

  public static ValidationInput of(DatasetSource candidate, DatasetSource reference) {
    return new ValidationInput(candidate, reference);
  }

  public Optional<DatasetSource> referenceSource() {
    return Optional.ofNullable(reference);
  }
}
