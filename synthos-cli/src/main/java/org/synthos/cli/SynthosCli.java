package org.synthos.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
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
    subcommands = {
      ProfileCommand.class,
      ValidateCommand.class,
      PreScreenCommand.class,
      InjectCommand.class,
      VerifyCertificateCommand.class,
      ServeCommand.class,
      CertsCommand.class,
      KeysCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    },
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new SynthosCli());
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
