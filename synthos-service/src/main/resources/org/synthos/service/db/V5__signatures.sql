-- One signature per finished validation (docs/prescreen.md): the library of the pre-screen.
-- The signature document is sealed like the job's report; owner and times stay in clear.
CREATE TABLE synthos_signatures (
  job_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
  owner       VARCHAR(512) NOT NULL,
  created_at  BIGINT       NOT NULL,
  signature   TEXT         NOT NULL
);
CREATE INDEX synthos_signatures_owner ON synthos_signatures (owner, created_at);
