/**
 * Controlled defects for calibration: variance shrink, tail truncation, rare-category loss,
 * category collapse, exact and near duplicates, memorised copies, correlation break, mean shift,
 * drift, and (in {@code TextDefects}) the text families (texts redrawn from 25 of the column's own,
 * five templates with a swapped last word, a vocabulary cut to its most frequent words, texts cut
 * at a length quantile as an output budget cuts them) and near copies (rows copied with one number
 * nudged by 0.1% to 1%). Each {@link org.synthos.core.assess.inject.Defect} names the collapse type
 * a correct validator reports and a moderate severity.
 *
 * <p>Invariants: injection is a pure function of its inputs and seed; the schema, the row count and
 * the null cells of the input are kept (a null stays null, except where a whole row is replaced by
 * a copy); integer columns stay integers (shifted values are rounded).
 */
package org.synthos.core.assess.inject;
