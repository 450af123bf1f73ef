package org.synthos.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.synthos.api.spi.ServiceCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synthos audit verify FILE...}: checks the service's hash-chained audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The service's audit trail.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return SynthosCli.EXIT_OK;
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the hash chain of audit files, given oldest first (rotated files, then audit.jsonl).",
        "Exit code 0 when intact, 1 naming the first changed, removed or reordered entry."
      })
  static final class Verify implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audit files, oldest first.")
    List<Path> files;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ServiceCommands.AuditCheck check = ServiceModule.commands().verifyAudit(files);
      if (check.intact()) {
        spec.commandLine().getOut().println("intact: " + check.message());
        spec.commandLine().getOut().flush();
        return SynthosCli.EXIT_OK;
      }
      spec.commandLine().getErr().println("broken: " + check.message());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }
}
