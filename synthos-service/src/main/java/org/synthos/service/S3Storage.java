package org.synthos.service;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in S3 or an S3-compatible server, addressed as {@code s3://bucket/key}. Keys given to
 * {@link #put} and friends live in the default bucket. Every call runs inside a circuit breaker and
 * a retry (exponential backoff with jitter, retrying only what {@link #classify} calls retryable);
 * the SDK's own retries are off so the policy lives in one place, and each call has a time limit.
 */
final class S3Storage implements Storage {
  private final S3Client client;
  private final String bucket;
  private final Retry retry;
  private final CircuitBreaker breaker;

  S3Storage(ServiceConfig.S3 config) {
    this(
        config,
        RetryConfig.custom()
            .maxAttempts(config.maxAttempts())
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(200, 2.0, 0.5, 5_000))
            .retryOnException(e -> e instanceof SynthosException s && s.code().retryable())
            .build());
  }

  S3Storage(ServiceConfig.S3 config, RetryConfig retryConfig) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(config.timeout()))
            .overrideConfiguration(
                o -> o.apiCallTimeout(config.timeout()).retryStrategy(s -> s.maxAttempts(1)))
            .forcePathStyle(true);
    config.endpoint().ifPresent(builder::endpointOverride);
    if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  config.accessKeyId().get().value(), config.secretAccessKey().get().value())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    this.client = builder.build();
    this.bucket = config.bucket();
    this.retry = Retry.of("s3", retryConfig);
    this.breaker =
        CircuitBreaker.of(
            "s3",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(e -> e instanceof SynthosException s && s.code().retryable())
                .build());
  }

  CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public boolean accepts(String location) {
    return location.startsWith("s3://");
  }

  /** Bucket and key of an {@code s3://bucket/key} URI. */
  record ObjectRef(String bucket, String key) {
    static ObjectRef parse(String location) {
      URI uri;
      try {
        uri = URI.create(location);
      } catch (IllegalArgumentException e) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "not a valid s3:// URI", Location.ofFile(location));
      }
      String key = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || key.isEmpty()) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "expected s3://bucket/key", Location.ofFile(location));
      }
      return new ObjectRef(uri.getHost(), key);
    }
  }

  @Override
  public Path fetch(String location, Path tempDir) {
    ObjectRef ref = ObjectRef.parse(location);
    String name = Path.of(ref.key()).getFileName().toString();
    return call(
        location,
        () -> {
          try {
            Files.createDirectories(tempDir);
            Path target = Files.createTempFile(tempDir, "s3-", "-" + name);
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.deleteIfExists(partial);
            client.getObject(b -> b.bucket(ref.bucket()).key(ref.key()), partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public void put(String key, byte[] data) {
    call(key, () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data)));
  }

  @Override
  public byte[] get(String key) {
    return call(key, () -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
  }

  @Override
  public boolean exists(String key) {
    try {
      call(key, () -> client.headObject(b -> b.bucket(bucket).key(key)));
      return true;
    } catch (SynthosException e) {
      if (e.code() == ErrorCode.FILE_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean delete(String key) {
    if (!exists(key)) {
      return false;
    }
    call(key, () -> client.deleteObject(b -> b.bucket(bucket).key(key)));
    return true;
  }

  @Override
  public List<String> list(String prefix) {
    return call(
        prefix,
        () ->
            client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList());
  }

  @Override
  public void check() {
    call("s3://" + bucket, () -> client.headBucket(b -> b.bucket(bucket)));
  }

  private <T> T call(String location, Supplier<T> body) {
    Supplier<T> classified =
        () -> {
          try {
            return body.get();
          } catch (RuntimeException e) {
            throw classify(e, location);
          }
        };
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, classified))
          .get();
    } catch (CallNotPermittedException e) {
      throw new SynthosException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "object storage is failing; calls are paused for 30 s",
          Location.ofFile(location),
          e);
    }
  }

  /** The one place S3 failures become error codes; only STORAGE_UNAVAILABLE is retried. */
  static SynthosException classify(Throwable e, String location) {
    Location where = Location.ofFile(location);
    if (e instanceof SynthosException s) {
      return s;
    }
    if (e instanceof NoSuchKeyException || e instanceof NoSuchBucketException) {
      return new SynthosException(ErrorCode.FILE_NOT_FOUND, "no such object", where, e);
    }
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      if (status == 404) {
        return new SynthosException(ErrorCode.FILE_NOT_FOUND, "no such object", where, e);
      }
      if (status == 401 || status == 403) {
        return new SynthosException(
            ErrorCode.PERMISSION_DENIED, "access to the object was denied", where, e);
      }
      if (status == 429 || status >= 500) {
        return new SynthosException(
            ErrorCode.STORAGE_UNAVAILABLE, "object storage answered " + status, where, e);
      }
      return new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "object storage refused the request: " + status, where, e);
    }
    if (e instanceof SdkClientException || e instanceof UncheckedIOException) {
      // Connection refused or reset, timeouts, truncated downloads: all transient.
      return new SynthosException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "object storage unreachable: " + firstLine(e.getMessage()),
          where,
          e);
    }
    if (e instanceof SdkException) {
      return new SynthosException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "object storage call failed: " + firstLine(e.getMessage()),
          where,
          e);
    }
    return new SynthosException(
        ErrorCode.INTERNAL,
        "object storage call failed: " + e.getClass().getSimpleName(),
        where,
        e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    client.close();
  }
}
