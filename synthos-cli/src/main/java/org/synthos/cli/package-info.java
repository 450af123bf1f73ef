/**
 * The {@code synthos} command line.
 *
 * <p>Invariants: every failure leaves through {@link org.synthos.cli.SynthosCli#run}, which prints
 * exactly one line to stderr and maps the error's category to the documented exit code (0 success
 * or approved, 1 internal, 2 user or data error, 3 rejected). No stack trace reaches a user unless
 * {@code SYNTHOS_DEBUG=1}. Results go to stdout; progress goes to stderr, so stdout can be piped.
 */
package org.synthos.cli;
