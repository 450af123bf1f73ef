package org.synthos.core.rows;

import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** Compatibility checks shared by the row states' merges. */
final class RowStates {
  private RowStates() {}

  static void requireSameSeed(long left, long right) {
    if (left != right) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "cannot merge row states built with different seeds: left=" + left + ", right=" + right);
    }
  }

  static void requireSame(String what, long left, long right) {
    if (left != right) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "cannot merge row states with different " + what + ": left=" + left + ", right=" + right);
    }
  }
}
