package org.synthos.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synthos.api.spi.ServiceCommands;

/**
 * The service's side of {@code synthos serve}, {@code synthos certs}, {@code synthos keys} and
 * {@code synthos audit}: the command line finds this class with {@link java.util.ServiceLoader}
 * (registered in {@code META-INF/services/org.synthos.api.spi.ServiceCommands}) and never compiles
 * against this module.
 */
public final class CommandLineEntry implements ServiceCommands {
  /** For {@link java.util.ServiceLoader}. */
  public CommandLineEntry() {}

  @Override
  public void serve(
      Optional<Path> configFile, Map<String, String> environment, Map<String, String> overrides) {
    SynthosService.serve(ServiceConfig.load(configFile, environment, overrides));
  }

  @Override
  public TlsFiles generateTlsFiles(Path dir, Duration validity, List<String> extraDnsNames) {
    Certificates.Bundle b =
        Certificates.generate(dir, validity, extraDnsNames.toArray(new String[0]));
    return new TlsFiles(
        b.caCert(), b.caKey(), b.serverCert(), b.serverKey(), b.clientCert(), b.clientKey());
  }

  @Override
  public String createApiKey(
      ConfigSource config, String name, List<String> scopes, Optional<Duration> validity) {
    return SecurityCommands.create(config, name, scopes, validity);
  }

  @Override
  public List<ApiKeyInfo> listApiKeys(ConfigSource config) {
    return SecurityCommands.list(config);
  }

  @Override
  public void revokeApiKey(ConfigSource config, String name) {
    SecurityCommands.revoke(config, name);
  }

  @Override
  public long rotateDataKey(ConfigSource config) {
    return SecurityCommands.rotateDataKey(config);
  }

  @Override
  public AuditCheck verifyAudit(List<Path> files) {
    return SecurityCommands.verify(files);
  }
}
