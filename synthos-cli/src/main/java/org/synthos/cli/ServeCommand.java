package org.synthos.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code synthos serve}: run the validation service until SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the validation service (gRPC and HTTP) until SIGTERM or SIGINT, then shut down gracefully.",
      "Configuration layers, lowest first: defaults, --config, SYNTHOS_* environment variables, --set.",
      "Exit code 0 after a graceful shutdown, 2 for a bad configuration."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    // Returns only through the shutdown hook, which ends the process with status 0.
    ServiceModule.commands()
        .serve(Optional.ofNullable(options.config), System.getenv(), options.overrideMap());
    return SynthosCli.EXIT_OK;
  }
}
