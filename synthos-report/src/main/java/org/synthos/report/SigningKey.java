package org.synthos.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * An Ed25519 key pair (RFC 8032, the JDK's built-in provider) kept in one PEM file with a {@code
 * PRIVATE KEY} (PKCS#8) and a {@code PUBLIC KEY} (X.509) block.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
  static final String ALGORITHM = "Ed25519";
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN (PRIVATE|PUBLIC) KEY-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1 KEY-----");

  /** A fresh key pair. */
  public static SigningKey generate() {
    try {
      KeyPair kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(kp.getPrivate(), kp.getPublic());
    } catch (GeneralSecurityException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "Ed25519 is not available in this JDK", null, e);
    }
  }

  /**
   * Where the command lines keep the signing key unless told otherwise: {@code
   * $SYNTHOS_HOME/signing-key.pem}, else {@code ~/.synthos/signing-key.pem}.
   */
  public static Path defaultFile() {
    String home = System.getenv("SYNTHOS_HOME");
    Path base = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".synthos");
    return base.resolve("signing-key.pem");
  }

  /**
   * Reads the key file, or creates it with a fresh key (owner read/write only where the file system
   * supports POSIX permissions) when it does not exist.
   */
  public static SigningKey loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    SigningKey key = generate();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, key.toPem(), StandardCharsets.US_ASCII);
      return key;
    } catch (FileAlreadyExistsException e) {
      return load(file);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot create the signing key: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }

  /** Reads a key file written by {@link #loadOrCreate}. */
  public static SigningKey load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND,
          "cannot read the signing key: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
    PrivateKey priv = null;
    PublicKey pub = null;
    Matcher m = BLOCK.matcher(text);
    try {
      KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        if (m.group(1).equals("PRIVATE")) {
          priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der));
        } else {
          pub = kf.generatePublic(new X509EncodedKeySpec(der));
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the signing key file is not an Ed25519 key: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
    if (priv == null || pub == null) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the signing key file needs a PRIVATE KEY and a PUBLIC KEY block",
          Location.ofFile(file.toString()));
    }
    return new SigningKey(priv, pub);
  }

  /** Reads a public key alone (a {@code PUBLIC KEY} PEM block), e.g. to pin a trusted signer. */
  public static PublicKey loadPublic(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        if (m.group(1).equals("PUBLIC")) {
          return decodePublic(m.group(2));
        }
      }
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND,
          "cannot read the public key: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
    throw new SynthosException(
        ErrorCode.INVALID_ARGUMENT, "no PUBLIC KEY block found", Location.ofFile(file.toString()));
  }

  static PublicKey decodePublic(String base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SynthosException(
          ErrorCode.INVALID_CERTIFICATE, "the public key is not an Ed25519 key", null, e);
    }
  }

  /** The public key as one base64 line (X.509 SubjectPublicKeyInfo). */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** The PEM text of the key file. */
  public String toPem() {
    Base64.Encoder enc = Base64.getMimeEncoder(64, new byte[] {'\n'});
    return "-----BEGIN PRIVATE KEY-----\n"
        + enc.encodeToString(privateKey.getEncoded())
        + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
        + enc.encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public block alone, to hand to verifiers. */
  public String publicPem() {
    Base64.Encoder enc = Base64.getMimeEncoder(64, new byte[] {'\n'});
    return "-----BEGIN PUBLIC KEY-----\n"
        + enc.encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
