/**
 * The vocabulary every Synthos module shares: column types, schemas, columnar batches and typed
 * errors.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>This package depends on nothing but the JDK, so readers, engines and services can all speak
 *       it.
 *   <li>Data moves as {@link org.synthos.api.ColumnBatch}: one primitive array per column plus a
 *       null mask and an invalid mask. A hot loop never sees an {@code Object} per numeric cell.
 *   <li>Every value type here is immutable once published, except the arrays inside a batch, which
 *       a reader hands over and never touches again.
 *   <li>Every failure that can reach a user is a {@link org.synthos.api.SynthosException} with an
 *       {@link org.synthos.api.ErrorCode}; its category decides the exit code and the HTTP/gRPC
 *       status in one place each.
 * </ul>
 */
package org.synthos.api;
