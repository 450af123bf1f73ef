package org.synthos.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server on loopback (moto), when SYNTHOS_TEST_MOTO_PYTHON names a Python that has
 * moto (.ci/services.sh prints it); it accepts any credentials.
 */
record MotoServer(Process process, URI endpoint) implements AutoCloseable {
  static final String KEY = "test";

  /** The server, or null when no Python with moto is named. */
  static MotoServer startIfAvailable(Path log) throws Exception {
    String python = System.getenv("SYNTHOS_TEST_MOTO_PYTHON");
    if (python == null || python.isBlank()) {
      return null;
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(
                python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MotoServer server = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (!p.isAlive()) {
        throw new IllegalStateException("moto exited with " + p.exitValue() + "; see " + log);
      }
      try {
        new Socket("127.0.0.1", port).close();
        return server;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          server.close();
          throw new IllegalStateException("moto did not listen on " + port + " within 30 s");
        }
        Thread.sleep(50);
      }
    }
  }

  /** Creates the bucket and uploads each local file under its file name. */
  void upload(String bucket, Path... files) {
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY)))
            .build()) {
      s3.createBucket(b -> b.bucket(bucket));
      for (Path f : files) {
        s3.putObject(
            b -> b.bucket(bucket).key(f.getFileName().toString()), RequestBody.fromFile(f));
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
