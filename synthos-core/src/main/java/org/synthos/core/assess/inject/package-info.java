/**
 * Controlled defects for calibration: variance shrink, tail truncation, rare-category loss,
 * category collapse, exact and near duplicates, memorised copies, correlation break, mean shift and
 * drift. Each {@link org.synthos.core.assess.inject.Defect} names the collapse type a correct
 * validator reports and a moderate severity.
 *
 * <p>Invariants: injection is a pure function of its inputs and seed; the schema, the row count and
 * the null cells of the input are kept (a null stays null, except where a whole row is replaced by
 * a copy); integer columns stay integers (shifted values are rounded).
 */
package org.synthos.core.assess.inject;
