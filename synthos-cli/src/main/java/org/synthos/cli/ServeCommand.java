package org.synthos.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
  @Option(names = "--config", paramLabel = "FILE", description = "The YAML configuration file.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one configuration key, e.g. --set http.port=8080 (repeatable).")
  List<String> overrides = List.of();

  @Override
  public Integer call() {
    Map<String, String> set = new LinkedHashMap<>();
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "--set takes KEY=VALUE, got '" + kv + "'");
      }
      set.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    // Returns only through the shutdown hook, which ends the process with status 0.
    ServiceModule.commands().serve(Optional.ofNullable(config), System.getenv(), set);
    return SynthosCli.EXIT_OK;
  }
}
