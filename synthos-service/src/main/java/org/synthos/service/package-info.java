/**
 * The Synthos validation service: gRPC ({@code synthos.v1}, optionally mutual TLS) and HTTP APIs
 * over durable validation jobs, with Prometheus metrics, local or S3 storage, datasets callers
 * upload into namespaces of their own ({@code upload://NAME}), and reports as JSON, HTML and the
 * typed messages of {@code synthos.v1} built from the engine's result.
 *
 * <p>Public entry points: {@link org.synthos.service.ServiceConfig#load}, {@link
 * org.synthos.service.SynthosService#start} / {@link org.synthos.service.SynthosService#serve},
 * {@link org.synthos.service.Certificates#generate}, the {@link
 * org.synthos.service.ValidationRunner} interface behind which the engine sits, and {@link
 * org.synthos.service.CommandLineEntry}, the {@link org.synthos.api.spi.ServiceCommands} that
 * {@code synthos serve} and {@code synthos certs} find through {@link java.util.ServiceLoader}.
 * Dataset files are opened and hashed by synthos-io's {@code DatasetFile}.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>A submission is acknowledged only after its job row is committed; a job is never lost. Jobs
 *       found RUNNING at start-up were interrupted by a crash and go back to QUEUED, or to FAILED
 *       with a reason once they have been started {@code jobs.max_attempts} times.
 *   <li>At most {@code jobs.queue_capacity} jobs wait; more are refused with QUEUE_FULL (gRPC
 *       RESOURCE_EXHAUSTED, HTTP 429) and a Retry-After hint, so memory stays bounded.
 *   <li>Error codes become transport statuses only in {@code ErrorMapping}; storage failures are
 *       classified only in {@code LocalStorage.classify} and {@code S3Storage.classify}.
 *   <li>Reports hold only computed numbers. What the engine in this build cannot compute (collapse,
 *       localization, the training decision) is reported as not applicable with a reason, never as
 *       a default score.
 *   <li>An upload becomes {@code upload://NAME} only once all its bytes match their declared
 *       SHA-256; until then they are a partial under another name, so a failed upload never leaves
 *       a half-written dataset under the name. A name means the caller's upload only.
 *   <li>Remote storage calls retry with exponential backoff and jitter (base 200 ms, factor 2, 50%
 *       randomization, cap 5 s) only for transient failures, behind a circuit breaker that opens at
 *       50% failures over 10 calls for 30 s.
 *   <li>Every validation job the engine finishes leaves its signature ({@code
 *       org.synthos.core.signature}) in {@code synthos_signatures}, sealed like its report; the
 *       pre-screen ({@code PreScreens}) answers a caller only from the signatures of jobs that
 *       caller may see, and says why when it has no estimate.
 * </ul>
 *
 * <p>Profile statistics follow Welford (1962) for the running mean and variance and Shannon (1948)
 * for the entropy of value frequencies.
 */
package org.synthos.service;
