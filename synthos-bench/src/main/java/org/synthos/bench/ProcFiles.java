package org.synthos.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Readers of the Linux /proc files the probe samples; each is empty where the file is not. */
final class ProcFiles {
  private ProcFiles() {}

  /** {@code VmHWM} of /proc/PID/status: the peak resident set so far, in KiB. */
  static OptionalLong peakRssKb(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "status"))
        .map(ProcFiles::vmHwmKb)
        .orElse(OptionalLong.empty());
  }

  static OptionalLong vmHwmKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
      }
    }
    return OptionalLong.empty();
  }

  /** utime + stime of /proc/PID/stat, in clock ticks. */
  static OptionalLong cpuTicks(long pid) {
    return read(Path.of("/proc", Long.toString(pid), "stat"))
        .map(ProcFiles::statCpuTicks)
        .orElse(OptionalLong.empty());
  }

  /** Fields 14 and 15 (utime, stime); counted after the command name, which may hold spaces. */
  static OptionalLong statCpuTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] f = stat.substring(close + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so field n is f[n - 3].
    if (f.length < 13) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
  }

  /** Busy and total ticks of all CPUs from the {@code cpu} line of /proc/stat. */
  static Optional<long[]> machineTicks() {
    return read(Path.of("/proc/stat")).map(ProcFiles::machineTicks);
  }

  static long[] machineTicks(String stat) {
    String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
    // cpu user nice system idle iowait irq softirq steal ...
    long busy = 0;
    long total = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      long v = Long.parseLong(f[i]);
      total += v;
      if (i != 4 && i != 5) {
        busy += v;
      }
    }
    return new long[] {busy, total};
  }

  static OptionalDouble loadAverage() {
    return read(Path.of("/proc/loadavg"))
        .map(s -> OptionalDouble.of(Double.parseDouble(s.trim().split("\\s+")[0])))
        .orElse(OptionalDouble.empty());
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // The process may have exited between two samples, or this is not Linux.
      return Optional.empty();
    }
  }
}
