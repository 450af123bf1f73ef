package org.synthos.core.rows;

/** The closed set of row states; the byte is the wire tag and never changes. */
public enum RowStateKind {
  DUPLICATE_ROWS(1),
  NEAR_DUPLICATES(2),
  ROW_SAMPLE(3);

  private final int tag;

  RowStateKind(int tag) {
    this.tag = tag;
  }

  public int tag() {
    return tag;
  }

  static RowStateKind fromTag(int tag) {
    for (RowStateKind k : values()) {
      if (k.tag == tag) {
        return k;
      }
    }
    return null;
  }
}
