package org.synthos.service;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Makes a private CA and, signed by it, a server certificate (subjectAltName localhost and
 * 127.0.0.1, plus any extra names) and a client certificate, as PEM files for local mutual TLS.
 * Keys are EC P-256 in unencrypted PKCS#8, readable by the owner only. Backs {@code synthos certs}.
 */
public final class Certificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Certificates() {}

  /** The files written by {@link #generate}. */
  public record Bundle(
      Path caCert, Path caKey, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {}

  /**
   * Writes {@code ca.crt}, {@code ca.key}, {@code server.crt}, {@code server.key}, {@code
   * client.crt} and {@code client.key} into {@code dir}.
   *
   * @param extraDnsNames further DNS names for the server certificate
   */
  public static Bundle generate(Path dir, Duration validity, String... extraDnsNames) {
    try {
      Files.createDirectories(dir);
      KeyPair caKeys = newKeyPair();
      X500Name caName = new X500Name("CN=Synthos local CA");
      Instant now = Instant.now();
      X509Certificate ca =
          sign(caName, caKeys, caName, caKeys.getPublic(), now, validity, Role.CA, extraDnsNames);
      KeyPair serverKeys = newKeyPair();
      X509Certificate server =
          sign(
              caName,
              caKeys,
              new X500Name("CN=localhost"),
              serverKeys.getPublic(),
              now,
              validity,
              Role.SERVER,
              extraDnsNames);
      KeyPair clientKeys = newKeyPair();
      X509Certificate client =
          sign(
              caName,
              caKeys,
              new X500Name("CN=synthos-client"),
              clientKeys.getPublic(),
              now,
              validity,
              Role.CLIENT,
              extraDnsNames);
      Bundle b =
          new Bundle(
              dir.resolve("ca.crt"),
              dir.resolve("ca.key"),
              dir.resolve("server.crt"),
              dir.resolve("server.key"),
              dir.resolve("client.crt"),
              dir.resolve("client.key"));
      writePem(b.caCert(), ca, false);
      writePem(b.caKey(), new JcaPKCS8Generator(caKeys.getPrivate(), null), true);
      writePem(b.serverCert(), server, false);
      writePem(b.serverKey(), new JcaPKCS8Generator(serverKeys.getPrivate(), null), true);
      writePem(b.clientCert(), client, false);
      writePem(b.clientKey(), new JcaPKCS8Generator(clientKeys.getPrivate(), null), true);
      return b;
    } catch (IOException e) {
      throw LocalStorage.classify(e, dir.toString());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "certificate generation failed: " + e.getMessage(), null, e);
    }
  }

  private enum Role {
    CA,
    SERVER,
    CLIENT
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name issuer,
      KeyPair issuerKeys,
      X500Name subject,
      java.security.PublicKey subjectKey,
      Instant now,
      Duration validity,
      Role role,
      String[] extraDnsNames)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuer,
            new BigInteger(128, RANDOM),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(validity)),
            subject,
            subjectKey);
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
    if (role == Role.CA) {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              role == Role.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      if (role == Role.SERVER) {
        GeneralName[] names = new GeneralName[2 + extraDnsNames.length];
        names[0] = new GeneralName(GeneralName.dNSName, "localhost");
        names[1] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        for (int i = 0; i < extraDnsNames.length; i++) {
          names[2 + i] = new GeneralName(GeneralName.dNSName, extraDnsNames[i]);
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
    }
    ContentSigner signer =
        new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }

  private static void writePem(Path file, Object object, boolean secret) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(object instanceof JcaPKCS8Generator g ? g.generate() : object);
    }
    Files.deleteIfExists(file);
    if (secret) {
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }
}
