package org.synthos.service;

import java.util.regex.Pattern;

/**
 * Hides credentials in text bound for logs and error messages: API keys, bearer tokens, passwords
 * in URLs and query strings, and AWS-style secret key parameters.
 */
final class Redaction {
  private static final Pattern API_KEY = Pattern.compile(ApiKeys.PREFIX + "[A-Za-z0-9_\\-]+");
  private static final Pattern BEARER =
      Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]{12,}");
  private static final Pattern PASSWORD =
      Pattern.compile("(?i)((?:password|secret|token|secret_access_key)=)[^&;\\s]*");

  private Redaction() {}

  static String redact(String text) {
    if (text == null) {
      return null;
    }
    String t = API_KEY.matcher(text).replaceAll(ApiKeys.PREFIX + "***");
    t = BEARER.matcher(t).replaceAll("$1***");
    return PASSWORD.matcher(t).replaceAll("$1***");
  }
}
