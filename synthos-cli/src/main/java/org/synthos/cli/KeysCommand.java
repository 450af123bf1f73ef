package org.synthos.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ServiceCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synthos keys}: the service's API keys and its data-encryption key. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the service's API keys (stored as hashes in auth.keys_file) and its data key.",
      "Use the same --config/--set as 'synthos serve'; a running service sees changes at once."
    },
    subcommands = {
      KeysCommand.Create.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Revoke.class,
      KeysCommand.RotateDataKey.class
    })
final class KeysCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return SynthosCli.EXIT_OK;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Make an API key and print it as the last line. It is shown only this once.",
        "Callers send it as 'Authorization: Bearer KEY' (HTTP) or 'authorization' metadata (gRPC)."
      })
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Key name.")
    String name;

    @Option(
        names = "--scopes",
        required = true,
        split = ",",
        paramLabel = "SCOPE",
        description = "Comma-separated: submit, read, admin (admin sees every caller's jobs).")
    List<String> scopes;

    @Option(
        names = "--days",
        paramLabel = "N",
        description = "Days until the key expires (default: never).")
    Integer days;

    @Mixin ConfigOptions options = new ConfigOptions();
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (days != null && days < 1) {
        throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "--days must be at least 1");
      }
      String key =
          ServiceModule.commands()
              .createApiKey(
                  options.source(), name, scopes, Optional.ofNullable(days).map(Duration::ofDays));
      PrintWriter w = spec.commandLine().getOut();
      w.println("created key '" + name + "' with scopes " + String.join(",", scopes));
      w.println("store it now; it cannot be shown again:");
      w.println(key);
      w.flush();
      return SynthosCli.EXIT_OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys.")
  static final class ListKeys implements Callable<Integer> {
    @Mixin ConfigOptions options = new ConfigOptions();
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter w = spec.commandLine().getOut();
      w.printf("%-24s %-18s %-28s %-28s %s%n", "NAME", "SCOPES", "CREATED", "EXPIRES", "REVOKED");
      for (ServiceCommands.ApiKeyInfo k : ServiceModule.commands().listApiKeys(options.source())) {
        w.printf(
            "%-24s %-18s %-28s %-28s %s%n",
            k.name(),
            String.join(",", k.scopes()),
            k.created(),
            k.expires().orElse("-"),
            k.revoked().orElse("-"));
      }
      w.flush();
      return SynthosCli.EXIT_OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The key's name.")
    String name;

    @Mixin ConfigOptions options = new ConfigOptions();
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ServiceModule.commands().revokeApiKey(options.source(), name);
      spec.commandLine().getOut().println("revoked key '" + name + "'");
      spec.commandLine().getOut().flush();
      return SynthosCli.EXIT_OK;
    }
  }

  @Command(
      name = "rotate-data-key",
      mixinStandardHelpOptions = true,
      description = {
        "Add a new AES-256-GCM key to encryption.keyset_file; new writes use it, older data stays"
            + " readable. Restart the service to start using it."
      })
  static final class RotateDataKey implements Callable<Integer> {
    @Mixin ConfigOptions options = new ConfigOptions();
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      long id = ServiceModule.commands().rotateDataKey(options.source());
      spec.commandLine().getOut().println("new primary data key " + id);
      spec.commandLine().getOut().flush();
      return SynthosCli.EXIT_OK;
    }
  }
}
