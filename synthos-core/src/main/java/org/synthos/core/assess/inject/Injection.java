package org.synthos.core.assess.inject;

import java.util.List;
import org.synthos.api.ColumnBatch;

/**
 * The result of injecting a defect.
 *
 * @param batch all rows, with the defect applied (row numbering restarts at 0)
 * @param defect what was injected
 * @param severity how strongly
 * @param affectedRows one-based rows that changed, ascending
 * @param description one sentence on what was done
 */
public record Injection(
    ColumnBatch batch,
    Defect defect,
    double severity,
    List<Long> affectedRows,
    String description) {
  public Injection {
    affectedRows = List.copyOf(affectedRows);
  }
}
