package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SynthosCliTest {
  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SynthosCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Result r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("profile")
        .contains("serve")
        .contains("certs")
        .contains("Exit codes")
        .contains("3")
        .contains("rejected");
  }

  @Test
  void subcommandsAreRegisteredUnderTheirOwnNames() {
    for (var e : SynthosCli.SUBCOMMANDS) {
      assertThat(new picocli.CommandLine(e.getValue()).getCommandName()).isEqualTo(e.getKey());
    }
    assertThat(SynthosCli.commandLine(new String[] {"validate", "--help"}).getSubcommands())
        .containsOnlyKeys("validate");
    assertThat(SynthosCli.commandLine(new String[] {"--help"}).getSubcommands())
        .hasSize(SynthosCli.SUBCOMMANDS.size());
    assertThat(SynthosCli.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
  }

  @Test
  void versionNamesTheProduct() {
    Result r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("synthos ");
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLineWithExitTwo() {
    Result r = run("--no-such-flag");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("synthos: Unknown option").doesNotContain("at org.");
  }

  @Test
  void theServiceIsFoundAtRunTime() {
    // synthos-service is a runtime dependency: found through ServiceLoader, never compiled against.
    assertThat(ServiceModule.commands().getClass().getName())
        .isEqualTo("org.synthos.service.CommandLineEntry");
  }
}
