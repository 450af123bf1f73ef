-- The job table. Portable across H2 and PostgreSQL. Times are epoch milliseconds (0 = not reached).
CREATE TABLE synthos_jobs (
  id             VARCHAR(64)  NOT NULL PRIMARY KEY,
  state          VARCHAR(16)  NOT NULL,
  dataset_uri    TEXT         NOT NULL,
  reference_uri  TEXT         NOT NULL,
  target         VARCHAR(512) NOT NULL,
  policy         TEXT         NOT NULL,
  validation_id  VARCHAR(128) NOT NULL,
  dataset_id     VARCHAR(128) NOT NULL,
  timeout_ms     BIGINT       NOT NULL,
  stage          VARCHAR(64)  NOT NULL,
  percent        DOUBLE PRECISION NOT NULL,
  rows_done      BIGINT       NOT NULL,
  submitted_at   BIGINT       NOT NULL,
  started_at     BIGINT       NOT NULL,
  finished_at    BIGINT       NOT NULL,
  attempts       INTEGER      NOT NULL,
  error_code     INTEGER      NOT NULL,
  error_name     VARCHAR(64)  NOT NULL,
  error_message  TEXT         NOT NULL,
  report         TEXT
);
CREATE INDEX synthos_jobs_state ON synthos_jobs (state, submitted_at);
