package org.synthos.core.assess;

import java.util.Locale;

/**
 * The kinds of collapse a verdict names. A to E follow the earlier system's taxonomy; duplication
 * and memorisation are named on their own because their remedy differs.
 */
public enum CollapseType {
  A_DISTRIBUTION("A", "distribution collapse: marginal shapes, spread or modes differ"),
  B_CORRELATION("B", "correlation collapse: pairwise structure is lost or invented"),
  C_RARE_PATTERN("C", "rare-pattern collapse: tails and rare categories are lost"),
  D_TEMPORAL("D", "temporal collapse: the data drifts along time or row order"),
  E_STRUCTURE("E", "semantic/structure collapse: schema, invalid or out-of-support values"),
  DUPLICATION("DUP", "duplication: exact or near copies within the dataset"),
  MEMORISATION("MEM", "memorisation: copies of reference rows");

  private final String code;
  private final String description;

  CollapseType(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
