package org.synthos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures it as the operating system sees it: wall time, CPU
 * time (user + system), peak resident set, GPU use, and how busy the rest of the machine was.
 *
 * <p>Where GNU time is installed ({@code /usr/bin/time}) the CPU time and peak RSS are its exact
 * figures for the child ({@code getrusage}); otherwise they come from sampling {@code
 * /proc/PID/stat} and the {@code VmHWM} line of {@code /proc/PID/status} every 50 ms, which can
 * miss the CPU of the last interval. The load of other processes is the machine's busy CPU time
 * from {@code /proc/stat} over the run, minus the child's, per second of wall time: 1.0 means
 * another job kept one core busy throughout.
 */
final class ProcessProbe {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final long SAMPLE_MILLIS = 50;
  private static final long GPU_SAMPLE_MILLIS = 500;

  /** USER_HZ: the unit of /proc/stat and /proc/PID/stat, 100 on every Linux ABI in use. */
  private static final double TICKS_PER_SECOND = 100;

  private final GpuProbe gpu;
  private final boolean gnuTime;

  ProcessProbe(GpuProbe gpu) {
    this.gpu = gpu;
    this.gnuTime = Files.isExecutable(GNU_TIME) && gnuTimeWorks();
  }

  String method() {
    return gnuTime
        ? "GNU time (getrusage of the child: exact CPU time and peak RSS)"
        : "sampling /proc/PID/stat and VmHWM every 50 ms";
  }

  /** Runs {@code command} with stdout and stderr to files in {@code dir}, and measures it. */
  Measure run(List<String> command, Path dir) {
    try {
      Files.createDirectories(dir);
      Path stdout = dir.resolve("stdout.txt");
      Path stderr = dir.resolve("stderr.txt");
      Path timeFile = dir.resolve("time.txt");
      List<String> full = new ArrayList<>();
      if (gnuTime) {
        full.addAll(List.of(GNU_TIME.toString(), "-o", timeFile.toString(), "-f", "%e %U %S %M"));
      }
      full.addAll(command);
      Files.writeString(dir.resolve("command.txt"), String.join(" ", full) + "\n");
      long[] machineBefore = machineTicks();
      double load = loadAverage();
      GpuProbe gpuRun = gpu.fresh();
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(full)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      long peakRssKb = -1;
      long cpuTicks = -1;
      long nextGpu = 0;
      while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
        Optional<ProcessHandle> target =
            gnuTime ? firstChild(process) : Optional.of(process.toHandle());
        if (target.isPresent()) {
          long pid = target.get().pid();
          peakRssKb = Math.max(peakRssKb, ProcFiles.peakRssKb(pid).orElse(-1));
          cpuTicks = Math.max(cpuTicks, ProcFiles.cpuTicks(pid).orElse(-1));
        }
        long now = System.nanoTime() - start;
        if (now >= nextGpu) {
          gpuRun.sample();
          nextGpu = now + TimeUnit.MILLISECONDS.toNanos(GPU_SAMPLE_MILLIS);
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      long[] machineAfter = machineTicks();
      OptionalDouble cpu =
          cpuTicks < 0 ? OptionalDouble.empty() : OptionalDouble.of(cpuTicks / TICKS_PER_SECOND);
      OptionalLong rss = peakRssKb < 0 ? OptionalLong.empty() : OptionalLong.of(peakRssKb * 1024);
      if (gnuTime && Files.exists(timeFile)) {
        String[] t = lastLine(Files.readString(timeFile, StandardCharsets.UTF_8)).split(" ");
        if (t.length == 4) {
          cpu = OptionalDouble.of(Double.parseDouble(t[1]) + Double.parseDouble(t[2]));
          rss = OptionalLong.of(Long.parseLong(t[3]) * 1024);
        }
      }
      double machineBusy = (machineAfter[0] - machineBefore[0]) / TICKS_PER_SECOND;
      double otherCores =
          Math.max(0, machineBusy - (cpu.isPresent() ? cpu.getAsDouble() : 0)) / wall;
      return new Measure(
          process.exitValue(),
          wall,
          cpu,
          rss,
          otherCores,
          load,
          gpuRun.usage(),
          Files.readString(stdout, StandardCharsets.UTF_8),
          tail(Files.readString(stderr, StandardCharsets.UTF_8), 2000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command, e);
    }
  }

  /** The machine's busy and total CPU ticks so far, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    return ProcFiles.machineTicks().orElse(new long[] {0, 0});
  }

  private static double loadAverage() {
    return ProcFiles.loadAverage().orElse(Double.NaN);
  }

  private static Optional<ProcessHandle> firstChild(Process p) {
    return p.toHandle().children().findFirst();
  }

  private static boolean gnuTimeWorks() {
    try {
      Process p =
          new ProcessBuilder(GNU_TIME.toString(), "-f", "%M", "true")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("\\d+");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The {@code java} launcher of the running JVM, for child JVMs of the same version. */
  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  static String tail(String text, int chars) {
    return text.length() <= chars ? text : text.substring(text.length() - chars);
  }

  /**
   * One child run.
   *
   * @param cpuSeconds user + system CPU time of the child
   * @param otherCores average cores kept busy by other processes during the run
   * @param loadAverage the machine's 1-minute load average when the run started
   */
  record Measure(
      int exitCode,
      double wallSeconds,
      OptionalDouble cpuSeconds,
      OptionalLong peakRssBytes,
      double otherCores,
      double loadAverage,
      GpuProbe.Usage gpu,
      String stdout,
      String stderrTail) {

    /** CPU time over wall time, in percent: 200 means both cores of this machine all along. */
    OptionalDouble cpuPercent() {
      return cpuSeconds.isPresent()
          ? OptionalDouble.of(100 * cpuSeconds.getAsDouble() / wallSeconds)
          : OptionalDouble.empty();
    }
  }
}
