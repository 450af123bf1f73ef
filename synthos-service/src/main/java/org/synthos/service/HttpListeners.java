package org.synthos.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.service.SecuritySettings.Scope;

/**
 * The HTTP listener, plain or TLS with the {@code grpc.tls} certificate and key (clients are asked
 * for a certificate signed by {@code grpc.tls.client_ca} when it is set, but API keys still work
 * without one), and the per-request admission: which scope each route needs.
 */
final class HttpListeners {
  private HttpListeners() {}

  static HttpServer bind(ServiceConfig config) throws IOException {
    InetSocketAddress address = new InetSocketAddress(config.http().host(), config.http().port());
    if (!config.security().httpTls()) {
      return HttpServer.create(address, 64);
    }
    ServiceConfig.Tls tls = config.grpc().tls().orElseThrow();
    SSLContext context = sslContext(tls);
    HttpsServer server = HttpsServer.create(address, 64);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            p.setWantClientAuth(tls.mutual());
            params.setSSLParameters(p);
          }
        });
    return server;
  }

  static SSLContext sslContext(ServiceConfig.Tls tls) throws IOException {
    try {
      Certificate[] chain = certificates(tls.certChain()).toArray(new Certificate[0]);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      char[] none = new char[0];
      keys.setKeyEntry("server", privateKey(tls.privateKey()), none, chain);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, none);
      TrustManagerFactory tmf = null;
      if (tls.clientCa().isPresent()) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certificates(tls.clientCa().get())) {
          trust.setCertificateEntry("ca-" + i++, c);
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "configuration: the TLS certificate or key cannot be used: " + e.getMessage(),
          null,
          e);
    }
  }

  private static Collection<? extends Certificate> certificates(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  private static PrivateKey privateKey(Path pem) throws IOException {
    try (Reader r = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      if (!(o instanceof PrivateKeyInfo info)) {
        throw new IOException(pem + " does not hold a PKCS#8 private key");
      }
      return new JcaPEMKeyConverter().getPrivateKey(info);
    }
  }

  /**
   * The caller of an HTTP request, after authentication, scope and rate checks. Health checks and
   * the OpenAPI document are open; {@code /metrics} needs {@code read} only when protected.
   */
  static Identity admit(Gatekeeper gate, HttpExchange ex) {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    Scope needed;
    if (path.startsWith("/v1/")) {
      needed = "GET".equals(method) || "HEAD".equals(method) ? Scope.READ : Scope.SUBMIT;
    } else if ("/metrics".equals(path) && gate.settings().protectMetrics()) {
      needed = Scope.READ;
    } else {
      return Identity.ANONYMOUS;
    }
    return gate.admit(
        Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")),
        certificateSubject(ex),
        needed,
        method + " " + path);
  }

  private static Optional<String> certificateSubject(HttpExchange ex) {
    if (!(ex instanceof HttpsExchange https) || https.getSSLSession() == null) {
      return Optional.empty();
    }
    try {
      Certificate[] peer = https.getSSLSession().getPeerCertificates();
      return peer.length > 0 && peer[0] instanceof X509Certificate x
          ? Optional.of(x.getSubjectX500Principal().getName())
          : Optional.empty();
    } catch (SSLPeerUnverifiedException none) {
      return Optional.empty();
    }
  }
}
