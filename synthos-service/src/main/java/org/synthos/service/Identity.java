package org.synthos.service;

import java.util.Set;
import org.synthos.service.SecuritySettings.Scope;

/**
 * Who is calling: an API key ({@code key:NAME}) or a client certificate ({@code cert:SUBJECT}). A
 * service without {@code auth.required} serves callers without credentials as {@link #ANONYMOUS},
 * which may do everything, as before authentication existed.
 *
 * @param name the stable name jobs are owned by and the audit trail records
 */
record Identity(String name, Set<Scope> scopes) {
  static final Identity ANONYMOUS = new Identity("anonymous", Set.of(Scope.values()));

  Identity {
    scopes = Set.copyOf(scopes);
  }

  boolean has(Scope scope) {
    return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
  }

  /** Whether this caller sees and cancels other callers' jobs. */
  boolean admin() {
    return scopes.contains(Scope.ADMIN);
  }

  static Identity ofKey(String keyName, Set<Scope> scopes) {
    return new Identity("key:" + keyName, scopes);
  }

  static Identity ofCertificate(String subject, Set<Scope> scopes) {
    return new Identity("cert:" + subject, scopes);
  }
}
