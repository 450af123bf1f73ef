package org.synthos.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and stopping helper processes (servers under test, moto, Prometheus) from tests. */
final class ChildProcesses {
  private ChildProcesses() {}

  static int freePort() throws IOException {
    return freePorts(1)[0];
  }

  /**
   * {@code count} distinct free ports: every socket is held open until all are chosen, so two calls
   * in a row cannot hand out the same port (a server given one port for two listeners fails to bind
   * the second, and a client then talks HTTP/1.1 to the gRPC listener).
   */
  static int[] freePorts(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  static Process start(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until something accepts connections on the loopback port. */
  static void awaitPort(int port, Process process, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("process exited early with " + process.exitValue());
      }
      try {
        new Socket("127.0.0.1", port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "nothing listened on port " + port + " within " + seconds + " s");
  }

  static void stop(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A JVM running the service with the test class path. */
  static List<String> serviceJvm(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ServiceMain.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
