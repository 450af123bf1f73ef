package org.synthos.cli;

import java.util.ServiceLoader;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ServiceCommands;

/**
 * Finds the validation service for {@code synthos serve} and {@code synthos certs}. The service is
 * a run-time dependency of the command line (in the shaded jar, not on its compile class path),
 * reached only through {@link ServiceCommands}.
 */
final class ServiceModule {
  private ServiceModule() {}

  /**
   * The service's commands.
   *
   * @throws SynthosException INTERNAL when this build lacks the synthos-service module
   */
  static ServiceCommands commands() {
    return ServiceLoader.load(ServiceCommands.class, ServiceModule.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () ->
                new SynthosException(
                    ErrorCode.INTERNAL,
                    "this build of synthos lacks the validation service (synthos-service is not on"
                        + " the class path)"));
  }
}
