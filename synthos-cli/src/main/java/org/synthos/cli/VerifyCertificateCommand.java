package org.synthos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.synthos.io.FileDigests;
import org.synthos.report.Certificates;
import org.synthos.report.SigningKey;
import org.synthos.report.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synthos verify-certificate}: does this certificate vouch for this exact file? */
@Command(
    name = "verify-certificate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a certificate's Ed25519 signature and that DATASET is byte for byte the file it certifies.",
      "Exit code 0 when valid, 3 when not."
    })
final class VerifyCertificateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CERT", description = "The certificate JSON.")
  Path certificate;

  @Parameters(
      index = "1",
      paramLabel = "DATASET",
      description = "The dataset file it should certify.")
  Path dataset;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "Trust only this signer (a key file written by validate --key, or its public PEM).")
  Path publicKey;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Verification v =
        Certificates.verify(
            certificate,
            FileDigests.sha256(dataset),
            Optional.ofNullable(publicKey).map(SigningKey::loadPublic));
    PrintWriter out = spec.commandLine().getOut();
    out.println((v.valid() ? "VALID: " : "INVALID: ") + v.reason());
    out.flush();
    return v.valid() ? SynthosCli.EXIT_OK : SynthosCli.EXIT_REJECTED;
  }
}
