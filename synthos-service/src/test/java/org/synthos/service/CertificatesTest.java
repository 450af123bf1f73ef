package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class CertificatesTest {
  @TempDir Path dir;

  private static X509Certificate read(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void serverCertificateNamesLocalhostAndIsSignedByTheCa() throws Exception {
    Certificates.Bundle b = Certificates.generate(dir, Duration.ofDays(2), "synthos.internal");
    X509Certificate ca = read(b.caCert());
    X509Certificate server = read(b.serverCert());
    X509Certificate client = read(b.clientCert());
    server.verify(ca.getPublicKey());
    client.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isZero();
    assertThat(server.getSubjectAlternativeNames())
        .extracting(n -> (String) n.get(1))
        .containsExactlyInAnyOrder("localhost", "127.0.0.1", "synthos.internal");
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    for (Path key : List.of(b.caKey(), b.serverKey(), b.clientKey())) {
      assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }
}
