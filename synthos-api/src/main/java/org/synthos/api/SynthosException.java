package org.synthos.api;

import java.util.Optional;

/**
 * The one unchecked exception Synthos lets reach a caller. It carries a stable {@link ErrorCode}
 * and, for input problems, the {@link Location}. {@link #getMessage()} is a single line fit to show
 * a user.
 */
public final class SynthosException extends RuntimeException {
  private final ErrorCode code;
  private final transient Location location;

  public SynthosException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public SynthosException(ErrorCode code, String message, Location location) {
    this(code, message, location, null);
  }

  public SynthosException(ErrorCode code, String message, Location location, Throwable cause) {
    super(format(message, location), cause);
    this.code = code;
    this.location = location;
  }

  public ErrorCode code() {
    return code;
  }

  public ErrorCategory category() {
    return code.category();
  }

  public Optional<Location> location() {
    return Optional.ofNullable(location);
  }

  private static String format(String message, Location location) {
    return location == null ? message : location.describe() + ": " + message;
  }
}
