package org.synthos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ServiceCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synthos certs}: a private CA with server and client certificates for mutual TLS. */
@Command(
    name = "certs",
    mixinStandardHelpOptions = true,
    description = {
      "Write a private CA, a server certificate (subjectAltName localhost, 127.0.0.1 and every --dns)"
          + " and a client certificate, as PEM files for the service's mutual TLS.",
      "Keys are EC P-256, PKCS#8, readable by the owner only."
    })
final class CertsCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for ca.crt, ca.key, server.crt, server.key, client.crt, client.key.")
  Path out;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Validity in days (default: ${DEFAULT-VALUE}).")
  int days = 365;

  @Option(
      names = "--dns",
      paramLabel = "NAME",
      description = "A further DNS name for the server certificate (repeatable).")
  List<String> dns = List.of();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (days < 1) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "--days must be at least 1");
    }
    ServiceCommands.TlsFiles b =
        ServiceModule.commands().generateTlsFiles(out, Duration.ofDays(days), dns);
    PrintWriter w = spec.commandLine().getOut();
    for (Path p : b.all()) {
      w.println("wrote " + p);
    }
    w.println();
    w.println("Serve gRPC with mutual TLS by adding to synthos.yaml:");
    w.println("grpc:");
    w.println("  tls:");
    w.println("    cert: " + b.serverCert().toAbsolutePath());
    w.println("    key: " + b.serverKey().toAbsolutePath());
    w.println("    client_ca: " + b.caCert().toAbsolutePath());
    w.println(
        "or pass --set grpc.tls.cert=... --set grpc.tls.key=... --set grpc.tls.client_ca=...");
    w.println(
        "Clients trust "
            + b.caCert().getFileName()
            + " and present "
            + b.clientCert().getFileName()
            + " with "
            + b.clientKey().getFileName()
            + ".");
    w.flush();
    return SynthosCli.EXIT_OK;
  }
}
