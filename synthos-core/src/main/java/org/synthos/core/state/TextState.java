package org.synthos.core.state;

/**
 * Length and token statistics of the non-null strings of a column: moments (with min and max) of
 * the length in Unicode code points and of the number of whitespace-separated tokens. Merge is
 * {@link MomentsState#merge} on both parts, with the same tolerance; {@link #EMPTY} is the
 * identity.
 */
public record TextState(MomentsState lengths, MomentsState tokens) implements State {
  public static final TextState EMPTY = new TextState(MomentsState.EMPTY, MomentsState.EMPTY);

  public TextState merge(TextState other) {
    return new TextState(lengths.merge(other.lengths), tokens.merge(other.tokens));
  }

  @Override
  public StateKind kind() {
    return StateKind.TEXT;
  }
}
