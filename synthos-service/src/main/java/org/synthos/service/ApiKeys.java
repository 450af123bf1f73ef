package org.synthos.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.service.SecuritySettings.Scope;

/**
 * API keys in a JSON file holding only their SHA-256 hashes, with name, scopes, creation, expiry
 * and revocation. A key is 256 random bits, shown once by {@link #create}. SHA-256 without salt or
 * stretching is enough because the keys are random, not chosen by people. The file is re-read when
 * it changes, so keys created or revoked by {@code synthos keys} reach a running service.
 */
final class ApiKeys {
  static final String PREFIX = "syk_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@\\-]{1,64}");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One key as stored. Times are ISO-8601 instants; expiry and revocation may be null. */
  record Entry(
      String name,
      String hash,
      List<String> scopes,
      String created,
      String expires,
      String revoked) {
    Set<Scope> scopeSet() {
      return Scope.parseList(String.join(",", scopes));
    }

    boolean activeAt(Instant now) {
      return revoked == null && (expires == null || now.isBefore(Instant.parse(expires)));
    }
  }

  private final Path file;
  private List<Entry> entries = List.of();
  private FileTime loadedStamp;

  ApiKeys(Path file) {
    this.file = file;
  }

  /** Makes a key; returns its text, which is not stored and cannot be shown again. */
  synchronized String create(String name, Set<Scope> scopes, Optional<Duration> validity) {
    if (!NAME.matcher(name).matches()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "a key name is 1 to 64 letters, digits or _ . @ -");
    }
    if (scopes.isEmpty()) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "a key needs at least one scope");
    }
    List<Entry> all = new ArrayList<>(load());
    Instant now = Instant.now();
    if (all.stream().anyMatch(e -> e.name().equals(name) && e.activeAt(now))) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "a key named '" + name + "' exists; revoke it first");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    all.add(
        new Entry(
            name,
            hash(key),
            scopes.stream().map(Scope::label).sorted().toList(),
            now.toString(),
            validity.map(v -> now.plus(v).toString()).orElse(null),
            null));
    save(all);
    return key;
  }

  /** Marks every active key of that name revoked. */
  synchronized void revoke(String name) {
    Instant now = Instant.now();
    List<Entry> all = new ArrayList<>();
    boolean found = false;
    for (Entry e : load()) {
      if (e.name().equals(name) && e.revoked() == null) {
        found = true;
        all.add(
            new Entry(e.name(), e.hash(), e.scopes(), e.created(), e.expires(), now.toString()));
      } else {
        all.add(e);
      }
    }
    if (!found) {
      throw new SynthosException(ErrorCode.NOT_FOUND, "no unrevoked key named '" + name + "'");
    }
    save(all);
  }

  synchronized List<Entry> list() {
    return load();
  }

  /** The identity of a presented key; empty for an unknown, expired or revoked one. */
  synchronized Optional<Identity> authenticate(String presented) {
    byte[] h = hash(presented).getBytes(StandardCharsets.US_ASCII);
    Instant now = Instant.now();
    Optional<Identity> found = Optional.empty();
    // Every entry is compared in constant time, so timing says nothing about which hash matched.
    for (Entry e : load()) {
      if (MessageDigest.isEqual(h, e.hash().getBytes(StandardCharsets.US_ASCII))
          && e.activeAt(now)) {
        found = Optional.of(Identity.ofKey(e.name(), e.scopeSet()));
      }
    }
    return found;
  }

  static String hash(String key) {
    return AuditVerifier.sha256(key);
  }

  private List<Entry> load() {
    try {
      if (!Files.exists(file)) {
        entries = List.of();
        loadedStamp = null;
        return entries;
      }
      FileTime stamp = Files.getLastModifiedTime(file);
      if (!stamp.equals(loadedStamp)) {
        entries = List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {}));
        loadedStamp = stamp;
      }
      return entries;
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the API key file cannot be read: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }

  private void save(List<Entry> all) {
    try {
      PrivateFiles.write(file, JSON.writeValueAsBytes(all));
      entries = List.copyOf(all);
      loadedStamp = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "the API key file cannot be written: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    }
  }
}
