package org.synthos.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.synthos.core.signature.Signature;

/**
 * The engine behind the service. The service fetches the inputs to local files, then calls {@link
 * #run}; the runner works through its stages, reporting real progress, and returns the report
 * document with the figures the metrics need. The phase calls of the gRPC API go to {@link #phase}.
 */
public interface ValidationRunner {

  /** The stages of the earlier service that the phase calls name. */
  enum Phase {
    DIVERSITY,
    COLLAPSE,
    LOCALIZATION,
    RECOMMENDATIONS,
    PREDICTIONS
  }

  /**
   * The inputs of one job, as local files.
   *
   * @param jobId the job's id
   * @param validationId the id reports carry
   * @param datasetId the dataset's id
   * @param request what was asked
   * @param dataset the dataset, fetched
   * @param reference the reference dataset, fetched, when one was given
   */
  record Inputs(
      String jobId,
      String validationId,
      String datasetId,
      ValidationRequest request,
      Path dataset,
      Optional<Path> reference) {
    public Inputs {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(reference, "reference");
    }
  }

  /**
   * What a finished run gives.
   *
   * @param report the JSON report document
   * @param html the HTML report, or empty when the engine renders none (the service then shows the
   *     JSON in a plain page)
   * @param rowsProcessed data rows read from the dataset and the reference together
   * @param collapseScore 0 to 100, higher is better, when the engine computed one
   * @param diversityScore 0 to 100, higher is better, when the engine computed one
   * @param typed the report as typed messages, when the engine builds them
   * @param signature the validation's signature for the pre-screen's library, when the engine
   *     judged the dataset
   */
  record Outcome(
      ObjectNode report,
      Optional<String> html,
      long rowsProcessed,
      OptionalDouble collapseScore,
      OptionalDouble diversityScore,
      Optional<org.synthos.v1.TypedReport> typed,
      Optional<Signature> signature) {
    public Outcome {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(html, "html");
      Objects.requireNonNull(collapseScore, "collapseScore");
      Objects.requireNonNull(diversityScore, "diversityScore");
      Objects.requireNonNull(typed, "typed");
      Objects.requireNonNull(signature, "signature");
    }

    /**
     * An outcome without a typed report or a signature (an engine that does not judge the dataset).
     */
    public Outcome(
        ObjectNode report,
        Optional<String> html,
        long rowsProcessed,
        OptionalDouble collapseScore,
        OptionalDouble diversityScore) {
      this(
          report,
          html,
          rowsProcessed,
          collapseScore,
          diversityScore,
          Optional.empty(),
          Optional.empty());
    }
  }

  /** What a phase call answers: a result, or why there is none. */
  sealed interface PhaseResult {
    /**
     * The phase's result document, and the same as the typed fields of a {@code PhaseResponse} when
     * the engine builds them.
     */
    record Ok(ObjectNode result, Optional<org.synthos.v1.PhaseResponse> typed)
        implements PhaseResult {
      public Ok(ObjectNode result) {
        this(result, Optional.empty());
      }
    }

    /** The phase cannot answer for this input or this build; {@code reason} says why. */
    record NotApplicable(String reason) implements PhaseResult {}
  }

  /**
   * Runs every stage and returns the report.
   *
   * @throws org.synthos.api.SynthosException with the code of what went wrong
   */
  Outcome run(Inputs inputs, ProgressSink progress);

  /**
   * Checks what can be checked before a job is queued (the policy, the seed), so a bad request is
   * refused at once rather than failing later.
   *
   * @throws org.synthos.api.SynthosException with INVALID_ARGUMENT or INVALID_POLICY
   */
  default void check(ValidationRequest request) {}

  /** Runs the stages one phase call needs and returns its answer. */
  PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress);
}
