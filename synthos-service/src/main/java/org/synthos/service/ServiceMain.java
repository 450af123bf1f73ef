package org.synthos.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.synthos.api.SynthosException;

/**
 * {@code java org.synthos.service.ServiceMain [--config FILE] [--set key=value]...}: starts the
 * service and runs it until SIGTERM. Exit status 2 for a bad configuration.
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void main(String[] args) {
    Optional<Path> config = Optional.empty();
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ("--config".equals(a) && i + 1 < args.length) {
        config = Optional.of(Path.of(args[++i]));
      } else if ("--set".equals(a) && i + 1 < args.length && args[i + 1].contains("=")) {
        String kv = args[++i];
        overrides.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      } else {
        System.err.println("usage: ServiceMain [--config FILE] [--set key=value]...");
        System.exit(2);
      }
    }
    try {
      SynthosService.serve(ServiceConfig.load(config, System.getenv(), overrides));
    } catch (SynthosException e) {
      System.err.println("synthos: error " + e.code().code() + ": " + e.getMessage());
      System.exit(e.code().exitCode());
    }
  }
}
