package org.synthos.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code synthos} command. */
@Command(
    name = "synthos",
    mixinStandardHelpOptions = true,
    versionProvider = SynthosCli.Version.class,
    description =
        "Tells whether a training dataset is safe to train on, and which rows make it unsafe.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (validate: approved)",
      "1:internal error, or a resource limit",
      "2:bad usage or bad input data",
      "3:validate: rejected"
    })
public final class SynthosCli implements Runnable {
  /** Exit code of a successful run, or of an approved dataset. */
  static final int EXIT_OK = 0;

  /** Exit code of a rejected dataset. */
  static final int EXIT_REJECTED = 3;

  /**
   * The subcommands, in the usage help's order, by the names their {@code @Command} gives them
   * ({@code SynthosCliTest} checks that the two agree).
   */
  static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS =
      List.of(
          Map.entry("profile", ProfileCommand.class),
          Map.entry("validate", ValidateCommand.class),
          Map.entry("prescreen", PreScreenCommand.class),
          Map.entry("inject", InjectCommand.class),
          Map.entry("verify-certificate", VerifyCertificateCommand.class),
          Map.entry("serve", ServeCommand.class),
          Map.entry("certs", CertsCommand.class),
          Map.entry("keys", KeysCommand.class),
          Map.entry("audit", AuditCommand.class),
          Map.entry("help", CommandLine.HelpCommand.class));

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("synthos: " + ex.getMessage());
          err.println("Try 'synthos " + commandPath(ex.getCommandLine()) + "--help' for usage.");
          return ErrorCode.INVALID_ARGUMENT.exitCode();
        });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, err));
    return cli.execute(args);
  }

  /**
   * The command line for {@code args}. Building a subcommand's model reflects over every option it
   * declares, a noticeable part of a short run's start-up; when the first argument names a
   * subcommand, only that one is built, since parsing and usage then concern it alone, and a lone
   * {@code --version} needs none. Otherwise (the top-level help, {@code help}, an unknown command)
   * all of them are.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new SynthosCli());
    String first = args.length > 0 ? args[0] : "";
    if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
      return cli;
    }
    boolean named =
        !first.equals("help") && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(first));
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS) {
      if (!named || e.getKey().equals(first)) {
        cli.addSubcommand(e.getKey(), e.getValue());
      }
    }
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static int report(Throwable ex, PrintStream err) {
    if (Boolean.parseBoolean(System.getenv().getOrDefault("SYNTHOS_DEBUG", "false"))
        || "1".equals(System.getenv("SYNTHOS_DEBUG"))) {
      ex.printStackTrace(err);
    }
    if (ex instanceof SynthosException se) {
      err.println(
          "synthos: error " + se.code().code() + " (" + se.code().name() + "): " + se.getMessage());
      return se.code().exitCode();
    }
    if (ex instanceof OutOfMemoryError) {
      err.println(
          "synthos: error "
              + ErrorCode.OUT_OF_MEMORY.code()
              + ": out of memory; give the JVM more heap with JAVA_OPTS=-Xmx4g");
      return ErrorCode.OUT_OF_MEMORY.exitCode();
    }
    err.println(
        "synthos: internal error "
            + ErrorCode.INTERNAL.code()
            + ": "
            + ex.getClass().getSimpleName()
            + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
            + " (set SYNTHOS_DEBUG=1 for details)");
    return ErrorCode.INTERNAL.exitCode();
  }

  private static String commandPath(CommandLine c) {
    String qualified = c.getCommandSpec().qualifiedName(" ");
    return qualified.startsWith("synthos")
        ? qualified.substring("synthos".length()).trim() + " "
        : "";
  }

  /** Reads the version stamped into the jar manifest by the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SynthosCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "synthos " + (v == null ? "development build" : v),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
