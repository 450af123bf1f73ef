package org.synthos.service;

/** The security settings in one line, for the start-up log and the audit trail. */
final class SecurityReport {
  private SecurityReport() {}

  static String describe(ServiceConfig config) {
    SecuritySettings s = config.security();
    return "auth "
        + (s.authRequired() ? "required" : "optional")
        + ", HTTP "
        + (s.httpTls() ? "TLS" : "plaintext")
        + ", metrics "
        + (s.protectMetrics() ? "protected" : "open")
        + ", rates per second "
        + s.perSecond()
        + ", data key from "
        + (s.keyset().isPresent() ? "SYNTHOS_ENCRYPTION_KEYSET" : s.keysetFile().toString());
  }
}
