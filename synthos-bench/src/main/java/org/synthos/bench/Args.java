package org.synthos.bench;

/** Shared parsing of benchmark options: errors name the option and say what it takes. */
final class Args {
  private Args() {}

  /** The value after option {@code args[i - 1]}, at {@code args[i]}. */
  static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  static long positiveLong(String text, String option) {
    try {
      long v = Long.parseLong(text.trim().replace("_", ""));
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        option + " takes a positive whole number, got '" + text + "'");
  }
}
