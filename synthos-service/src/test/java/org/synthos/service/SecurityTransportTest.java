package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.service.SecuritySettings.Scope;
import org.synthos.v1.ListRequest;
import org.synthos.v1.SubmitRequest;
import org.synthos.v1.ValidationServiceGrpc;
import org.synthos.v1.ValidationServiceGrpc.ValidationServiceBlockingStub;

/**
 * HTTPS with the gRPC certificate settings (a client certificate or an API key identifies the
 * caller), and gRPC calls authenticated by an API key in the call metadata on top of mutual TLS.
 */
@Tag("integration")
class SecurityTransportTest {
  @TempDir static Path dir;
  static Certificates.Bundle certs;
  static SynthosService service;
  static String key;
  static final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    certs = Certificates.generate(dir.resolve("certs"), Duration.ofDays(1));
    ServiceConfig cfg =
        Harness.config(
            dir,
            "auth.required",
            "true",
            "http.tls",
            "true",
            "grpc.tls.cert",
            certs.serverCert().toString(),
            "grpc.tls.key",
            certs.serverKey().toString(),
            "grpc.tls.client_ca",
            certs.caCert().toString(),
            "auth.cert_scopes",
            "read");
    key =
        new ApiKeys(cfg.security().keysFile())
            .create("ci", Set.of(Scope.SUBMIT, Scope.READ), Optional.empty());
    Harness.csv(dir.resolve("storage/data/small.csv"), 100, 5);
    service = SynthosService.start(cfg);
  }

  @AfterAll
  static void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    service.close();
  }

  private static SSLContext trustOnly() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certs.caCert())) {
      trust.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, tmf.getTrustManagers(), null);
    return c;
  }

  private static HttpResponse<String> get(SSLContext tls, String path, String bearer)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("https://localhost:" + service.httpPort() + path));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void httpsIdentifiesCallersByCertificateOrKey() throws Exception {
    SSLContext withCert =
        HttpListeners.sslContext(
            new ServiceConfig.Tls(
                certs.clientCert(), certs.clientKey(), Optional.of(certs.caCert())));
    assertThat(get(withCert, "/v1/validations", null).statusCode()).isEqualTo(200);
    SSLContext anonymous = trustOnly();
    assertThat(get(anonymous, "/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(get(anonymous, "/v1/validations", null).statusCode()).isEqualTo(401);
    assertThat(get(anonymous, "/v1/validations", key).statusCode()).isEqualTo(200);
  }

  private static ValidationServiceBlockingStub grpc(String bearer) throws java.io.IOException {
    ManagedChannel ch =
        Grpc.newChannelBuilderForAddress(
                "localhost",
                service.grpcPort(),
                TlsChannelCredentials.newBuilder()
                    .trustManager(certs.caCert().toFile())
                    .keyManager(certs.clientCert().toFile(), certs.clientKey().toFile())
                    .build())
            .build();
    channels.add(ch);
    ValidationServiceBlockingStub s =
        ValidationServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS);
    if (bearer == null) {
      return s;
    }
    Metadata m = new Metadata();
    m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), bearer);
    return s.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(m));
  }

  @Test
  void grpcTakesKeysAsMetadataAndScopesCertificates() throws Exception {
    SubmitRequest ok = SubmitRequest.newBuilder().setDatasetUri("data/small.csv").build();
    // The certificate's identity has the read scope only.
    assertThat(grpc(null).list(ListRequest.getDefaultInstance()).getJobsList()).isNotNull();
    assertThatThrownBy(() -> grpc(null).submit(ok))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThatThrownBy(() -> grpc("Bearer " + ApiKeys.PREFIX + "nope").submit(ok))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThat(grpc("Bearer " + key).submit(ok).getJobId()).isNotEmpty();
    StatusRuntimeException escape =
        org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class,
            () ->
                grpc("Bearer " + key)
                    .submit(SubmitRequest.newBuilder().setDatasetUri("../../etc/passwd").build()));
    assertThat(escape.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(escape.getTrailers().get(ErrorMapping.ERROR_INFO_KEY).getCode()).isEqualTo(1003);
  }
}
