package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the HTML report in headless Chromium (Debian's package) and inspects page and pixels. */
@Tag("integration")
class HtmlChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static String run(Path profile, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void reportRendersWithVerdictOnTopAndCharts(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "Debian chromium is not installed (.ci/run installs it)");
    Path html = dir.resolve("report.html");
    HtmlReport.write(Fixtures.rejected(), html);

    String dom = run(dir.resolve("profile-dom"), "--dump-dom", html.toUri().toString());
    assertThat(dom)
        .contains("Rejected")
        .contains("<svg")
        .contains("Association difference")
        .contains("Tails");

    Path png = dir.resolve("shot.png");
    run(
        dir.resolve("profile-shot"),
        "--screenshot=" + png,
        "--window-size=1200,1600",
        html.toUri().toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1200);
    assertThat(img.getHeight()).isEqualTo(1600);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 7) {
      for (int x = 0; x < img.getWidth(); x += 7) {
        colours.add(img.getRGB(x, y) & 0xffffff);
      }
    }
    assertThat(colours).as("a non-blank page").hasSizeGreaterThan(20);
    int banner = img.getRGB(600, 10) & 0xffffff;
    assertThat(banner).as("the red rejection banner at the top").isEqualTo(0xc62828);
    copyForInspection(png);
  }

  /** Keeps the last screenshot under target/ for a person to look at. */
  private static void copyForInspection(Path png) throws Exception {
    File target = new File("target");
    if (target.isDirectory()) {
      Files.copy(
          png,
          target.toPath().resolve("report-screenshot.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
