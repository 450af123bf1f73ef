package org.synthos.core.profile;

import java.util.Objects;

/**
 * A profile together with the result of the rider that shared its pass.
 *
 * @param profile the dataset profile
 * @param ridden the rider's merged result over every partition
 * @param <R> the rider's result type
 */
public record Profiled<R>(DatasetProfile profile, R ridden) {
  public Profiled {
    Objects.requireNonNull(profile, "profile is null");
  }
}
