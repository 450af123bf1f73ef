package org.synthos.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ServiceCommands;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set KEY=VALUE}: the service configuration of a command. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "The YAML configuration file.")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one configuration key, e.g. --set http.port=8080 (repeatable). Secrets are"
              + " refused here: they would show in the process list.")
  List<String> overrides = List.of();

  Map<String, String> overrideMap() {
    Map<String, String> set = new LinkedHashMap<>();
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "--set takes KEY=VALUE, got '" + kv + "'");
      }
      set.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return set;
  }

  ServiceCommands.ConfigSource source() {
    return new ServiceCommands.ConfigSource(
        Optional.ofNullable(config), System.getenv(), overrideMap());
  }
}
