package org.synthos.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.service.SecuritySettings.Scope;

/**
 * Decides who is calling and whether the call may go on: the API key of an {@code Authorization:
 * Bearer} header (HTTP) or {@code authorization} metadata (gRPC), else the client certificate's
 * subject; then the scope the call needs; then the caller's token bucket (Bucket4j), one per
 * identity and scope, holding a second's worth of calls and refilled at the configured rate.
 * Failures are audited and never repeat the presented key.
 */
final class Gatekeeper {
  private final SecuritySettings settings;
  private final ApiKeys keys;
  private final AuditTrail audit;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  Gatekeeper(SecuritySettings settings, ApiKeys keys, AuditTrail audit) {
    this.settings = settings;
    this.keys = keys;
    this.audit = audit;
  }

  SecuritySettings settings() {
    return settings;
  }

  /**
   * The caller of one request.
   *
   * @param authorization the {@code Authorization} header or metadata value, if any
   * @param certificateSubject the verified client certificate's subject, if any
   * @param needed the scope the call needs
   * @param action what the call does, for the audit trail
   * @throws SynthosException UNAUTHENTICATED, FORBIDDEN or RATE_LIMITED
   */
  Identity admit(
      Optional<String> authorization,
      Optional<String> certificateSubject,
      Scope needed,
      String action) {
    Identity caller = identify(authorization, certificateSubject, action);
    if (!caller.has(needed)) {
      audit.record(caller.name(), action, null, null, null, ErrorCode.FORBIDDEN.name());
      throw new SynthosException(
          ErrorCode.FORBIDDEN,
          "this call needs the '" + needed.label() + "' scope, which " + caller.name() + " lacks");
    }
    if (caller != Identity.ANONYMOUS) {
      limit(caller, needed);
    }
    return caller;
  }

  private Identity identify(
      Optional<String> authorization, Optional<String> certificateSubject, String action) {
    if (authorization.isPresent()) {
      String value = authorization.get().trim();
      if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw refused(action, "the Authorization header must be 'Bearer KEY'");
      }
      return keys.authenticate(value.substring(7).trim())
          .orElseThrow(() -> refused(action, "the API key is unknown, expired or revoked"));
    }
    if (certificateSubject.isPresent()) {
      return Identity.ofCertificate(certificateSubject.get(), settings.certScopes());
    }
    if (!settings.authRequired()) {
      return Identity.ANONYMOUS;
    }
    throw refused(action, "this call needs 'Authorization: Bearer KEY' or a client certificate");
  }

  private SynthosException refused(String action, String why) {
    audit.record("unauthenticated", "auth_failure", null, null, null, action + ": " + why);
    return new SynthosException(ErrorCode.UNAUTHENTICATED, why);
  }

  private void limit(Identity caller, Scope needed) {
    Scope bucketScope = caller.admin() ? Scope.ADMIN : needed;
    int perSecond = settings.perSecond().get(bucketScope);
    Bucket bucket =
        buckets.computeIfAbsent(
            caller.name() + "/" + bucketScope.label(),
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perSecond)
                            .refillGreedy(perSecond, Duration.ofSeconds(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new SynthosException(
          ErrorCode.RATE_LIMITED,
          caller.name()
              + " is over its limit of "
              + perSecond
              + " '"
              + bucketScope.label()
              + "' calls per second; retry after the hint");
    }
  }
}
