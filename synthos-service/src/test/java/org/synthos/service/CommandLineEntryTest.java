package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.spi.ServiceCommands;

/** The command line finds the service through {@link ServiceLoader}, and certs write six files. */
@Tag("unit")
class CommandLineEntryTest {
  @TempDir Path dir;

  @Test
  void theServiceIsRegisteredForTheCommandLine() {
    List<ServiceCommands> found =
        ServiceLoader.load(ServiceCommands.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    assertThat(found).singleElement().isInstanceOf(CommandLineEntry.class);
  }

  @Test
  void tlsFilesAreTheBundleWritten() {
    ServiceCommands.TlsFiles f =
        new CommandLineEntry().generateTlsFiles(dir, Duration.ofDays(1), List.of("a.internal"));
    assertThat(f.all())
        .containsExactly(
            dir.resolve("ca.crt"),
            dir.resolve("ca.key"),
            dir.resolve("server.crt"),
            dir.resolve("server.key"),
            dir.resolve("client.crt"),
            dir.resolve("client.key"))
        .allMatch(Files::isRegularFile);
  }
}
