package org.synthos.service;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Encryption at rest: AES-256-GCM through a Tink keyset. Every ciphertext names the key that made
 * it (Tink's prefix), so after {@link #rotate} new writes use the new primary key while data
 * written under older keys stays readable. Each ciphertext is bound to what it is (its associated
 * data, such as {@code report:JOB}), so a stored value cannot be moved to another place unnoticed.
 * The keyset comes from the environment ({@code SYNTHOS_ENCRYPTION_KEYSET}) or from a file, which
 * is made, readable by its owner only, on first use.
 */
final class DataCipher {
  private static final Logger LOG = Logger.getLogger(DataCipher.class.getName());

  /** Marks encrypted text in the job store; values without it were written before encryption. */
  static final String TEXT_PREFIX = "enc1:";

  private final Aead aead;

  private DataCipher(KeysetHandle keyset) {
    try {
      this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw failure("the data keyset holds no usable AEAD key", e);
    }
  }

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The cipher of the configured keyset, making the keyset file when neither source has one. */
  static DataCipher open(SecuritySettings s) {
    if (s.keyset().isPresent()) {
      return new DataCipher(parse(s.keyset().get().value(), "SYNTHOS_ENCRYPTION_KEYSET"));
    }
    Path file = s.keysetFile();
    if (!Files.exists(file)) {
      try {
        write(file, fresh());
      } catch (GeneralSecurityException e) {
        throw failure("cannot generate a data key", e);
      }
      LOG.info("made a new data key in " + file + "; keep a copy apart from the data");
    }
    return new DataCipher(read(file));
  }

  /** A cipher over a fresh key held only in memory (for stores opened without settings). */
  static DataCipher ephemeral() {
    try {
      return new DataCipher(fresh());
    } catch (GeneralSecurityException e) {
      throw failure("cannot generate a data key", e);
    }
  }

  private static KeysetHandle fresh() throws GeneralSecurityException {
    return KeysetHandle.newBuilder()
        .addEntry(
            KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary())
        .build();
  }

  /**
   * Adds a new AES-256-GCM key to the keyset file and makes it the primary one; the old keys stay
   * for reading. Returns the new key's id.
   */
  static int rotate(Path file) {
    KeysetHandle old = read(file);
    KeysetHandle.Builder b = KeysetHandle.newBuilder(old);
    KeysetHandle.Builder.Entry added =
        KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
            .withRandomId()
            .makePrimary();
    b.addEntry(added);
    try {
      KeysetHandle next = b.build();
      write(file, next);
      return next.getPrimary().getId();
    } catch (GeneralSecurityException e) {
      throw failure("cannot add a key to the keyset", e);
    }
  }

  byte[] encrypt(byte[] plain, String context) {
    try {
      return aead.encrypt(plain, context.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw failure("encryption failed", e);
    }
  }

  byte[] decrypt(byte[] sealed, String context) {
    try {
      return aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL,
          "stored data for " + context + " cannot be decrypted with the configured keyset",
          null,
          e);
    }
  }

  /** Text for the job store: {@code enc1:} and the base64 ciphertext; null stays null. */
  String seal(String plain, String context) {
    if (plain == null) {
      return null;
    }
    return TEXT_PREFIX
        + Base64.getEncoder()
            .encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8), context));
  }

  /** The inverse of {@link #seal}; text written before encryption passes unchanged. */
  String open(String stored, String context) {
    if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
      return stored;
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length()));
    return new String(decrypt(sealed, context), StandardCharsets.UTF_8);
  }

  Optional<String> open(Optional<String> stored, String context) {
    return stored.map(s -> open(s, context));
  }

  private static KeysetHandle read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the data keyset cannot be read: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }

  private static KeysetHandle parse(String json, String source) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(
          json, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      // The message of a parse failure may quote the key material: it is not passed on.
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the data keyset is not a Tink JSON keyset",
          Location.ofFile(source),
          null);
    }
  }

  private static void write(Path file, KeysetHandle keyset) throws GeneralSecurityException {
    String json =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            keyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    try {
      PrivateFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "the data keyset cannot be written: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }

  private static SynthosException failure(String message, GeneralSecurityException e) {
    return new SynthosException(ErrorCode.INTERNAL, message, null, e);
  }
}
