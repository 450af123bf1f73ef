-- The engine's seed per job (NULL: the engine's default) and the HTML rendering of the report.
ALTER TABLE synthos_jobs ADD COLUMN seed BIGINT;
ALTER TABLE synthos_jobs ADD COLUMN report_html TEXT;
