-- Who submitted each job (an API key or certificate identity; 'anonymous' without authentication).
ALTER TABLE synthos_jobs ADD COLUMN owner VARCHAR(512) DEFAULT 'anonymous' NOT NULL;
