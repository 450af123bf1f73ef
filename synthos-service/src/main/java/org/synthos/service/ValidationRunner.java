package org.synthos.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine behind the service. The service fetches the inputs to local files, then calls {@link
 * #run}; the runner works through its stages, reporting real progress, and returns the report
 * document. The phase calls of the gRPC API go to {@link #phase}.
 */
public interface ValidationRunner {

  /** The stages of the earlier service that the phase calls name. */
  enum Phase {
    DIVERSITY,
    COLLAPSE,
    LOCALIZATION,
    RECOMMENDATIONS
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

  /** What a phase call answers: a result, or why there is none. */
  sealed interface PhaseResult {
    /** The phase's result document. */
    record Ok(ObjectNode result) implements PhaseResult {}

    /** The phase cannot answer for this input or this build; {@code reason} says why. */
    record NotApplicable(String reason) implements PhaseResult {}
  }

  /**
   * Runs every stage and returns the report.
   *
   * @throws org.synthos.api.SynthosException with the code of what went wrong
   */
  ObjectNode run(Inputs inputs, ProgressSink progress);

  /** Runs the stages one phase call needs and returns its answer. */
  PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress);
}
