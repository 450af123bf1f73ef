package org.synthos.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.synthos.api.SynthosException;
import org.synthos.service.SecuritySettings.Scope;

/**
 * Admits gRPC calls as {@link HttpListeners#admit} admits HTTP ones: the API key of the {@code
 * authorization} metadata ({@code Bearer KEY}) or the client certificate, the scope of the method
 * (reads, {@code UploadStatus} among them, need {@code read}; everything else, {@code Upload}
 * included, {@code submit}) and the caller's rate limit. The caller travels in the call's {@link
 * Context}.
 */
final class GrpcAuth implements ServerInterceptor {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<Identity> CALLER = Context.key("synthos-caller");
  private static final Set<String> READS =
      Set.of("GetJob", "GetReport", "Watch", "List", "UploadStatus");

  private final Gatekeeper gate;

  GrpcAuth(Gatekeeper gate) {
    this.gate = gate;
  }

  /** The admitted caller of the current call. */
  static Identity caller() {
    Identity id = CALLER.get();
    if (id == null) {
      throw new IllegalStateException("a gRPC call ran without GrpcAuth");
    }
    return id;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    Identity caller;
    try {
      caller =
          gate.admit(
              Optional.ofNullable(headers.get(AUTHORIZATION)),
              certificateSubject(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)),
              READS.contains(method) ? Scope.READ : Scope.SUBMIT,
              "grpc " + method);
    } catch (SynthosException e) {
      io.grpc.StatusRuntimeException s = ErrorMapping.toGrpc(e);
      call.close(s.getStatus(), s.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
  }

  private static Optional<String> certificateSubject(SSLSession session) {
    if (session == null) {
      return Optional.empty();
    }
    try {
      Certificate[] peer = session.getPeerCertificates();
      return peer.length > 0 && peer[0] instanceof X509Certificate x
          ? Optional.of(x.getSubjectX500Principal().getName())
          : Optional.empty();
    } catch (SSLPeerUnverifiedException none) {
      return Optional.empty();
    }
  }
}
