/**
 * Plug-in points found with {@link java.util.ServiceLoader}, so that one module can run another
 * without compiling against it. Plain Java only, like the rest of synthos-api.
 *
 * <p>{@link org.synthos.api.spi.ServiceCommands} lets the command line run the validation service
 * ({@code synthos serve}, {@code synthos certs}) while the service stays a run-time dependency of
 * the command line: the CLI keeps the commands' names, options and help, the service does the work.
 * Choosing this over moving the picocli commands into the service keeps picocli out of the service
 * and out of this module, and keeps {@code synthos --help} independent of what is on the class
 * path.
 *
 * <p>{@link org.synthos.api.spi.ProxyLearner} lets the learnability cascade train a tier whose
 * library is not linked into the engine (the neural network of synthos-neural, with its native
 * PyTorch runtime): the engine plans, schedules and scores it like its own tiers.
 */
package org.synthos.api.spi;
