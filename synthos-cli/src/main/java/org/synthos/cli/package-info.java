/**
 * The {@code synthos} command line.
 *
 * <p>Invariants: every failure leaves through {@link org.synthos.cli.SynthosCli#run}, which prints
 * exactly one line to stderr and maps the error's category to the documented exit code (0 success
 * or approved, 1 internal, 2 user or data error, 3 rejected). No stack trace reaches a user unless
 * {@code SYNTHOS_DEBUG=1}. Results go to stdout; progress goes to stderr, so stdout can be piped.
 *
 * <p>Dataset files are opened by synthos-io's {@code DatasetFile} (schema pinned across passes,
 * SHA-256 and size); {@code InputOptions.source} only hands one to the engine. {@code serve} and
 * {@code certs} are declared here but run by the service, which this module never compiles against:
 * it is a runtime dependency found through {@link org.synthos.api.spi.ServiceCommands} and {@link
 * java.util.ServiceLoader} ({@code ServiceModule}).
 */
package org.synthos.cli;
