/**
 * Streaming ingestion: CSV, TSV, JSON Lines and Parquet files in, {@link
 * org.synthos.api.ColumnBatch}es of primitive arrays with null masks out. The module knows no
 * metric.
 *
 * <h2>Entry points</h2>
 *
 * {@link org.synthos.io.Datasets#open} returns a {@link org.synthos.io.DatasetReader}; {@link
 * org.synthos.io.Datasets#detect} only says what a file is; {@link org.synthos.io.DatasetWriters}
 * writes batches back out; {@link org.synthos.io.Progress} renders {@link
 * org.synthos.io.ReadStats} for a progress bar; {@link org.synthos.io.TextCells} applies the text
 * reader's header, inference and cell rules to cells that another engine split out of a file (a
 * cluster's CSV reader), so the same cells give the same schema and columns.
 *
 * <h2>Files read several times, and file digests</h2>
 *
 * {@link org.synthos.io.DatasetFile#open} opens a dataset for several passes: it reads the file
 * once to fix the schema, pins that schema in the read options of every later pass, and records
 * the file's SHA-256 and size. {@link org.synthos.io.FileDigests#sha256} is the one implementation
 * of file hashing in Synthos; reports and certificates take the digest it computes and never hash
 * a file themselves.
 *
 * <p>Why the split lies here: the assessment's input type ({@code DatasetSource} in synthos-core)
 * belongs to the engine, and this module must not know the engine; nor does {@code DatasetSource}
 * move to synthos-api, since the engine owns its contract. So this module owns everything that
 * touches the file (opening, pinning the schema, hashing, sizing), and each front end that sees
 * both modules (the command line's {@code InputOptions.source}, the service's {@code
 * AssessmentRunner.source}) turns a {@code DatasetFile} into a {@code DatasetSource} with one
 * constructor call and no logic of its own:
 *
 * <pre>{@code
 * new DatasetSource(uri, f.schema(), () -> f.batches(), f.sha256(), f.sizeBytes())
 * }</pre>
 *
 * Only that call is repeated, and no module gains a dependency. The report module, which reads no
 * dataset, takes the digest from its caller instead of hashing.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li><b>Every row is accounted for.</b> The rows of all batches are exactly the data rows of the
 *       file, in order; {@link org.synthos.api.ColumnBatch#firstRow()} is the zero-based index of
 *       a batch's first row. A CSV header is not a row; blank lines (outside quotes) are not rows;
 *       a quoted field may span lines and is one cell. A JSON Lines row is one top-level object.
 *   <li><b>Nothing is dropped silently.</b> A present cell that does not parse as its column's
 *       type is null in the batch, marked in the batch's invalid mask and counted in {@link
 *       org.synthos.io.ReadStats#invalidCells()}. Malformed structure (ragged row, unclosed quote,
 *       invalid UTF-8, over-long line, corrupt compression or Parquet page) stops the read with a
 *       {@link org.synthos.api.SynthosException} naming the file and, where known, line, row and
 *       column.
 *   <li><b>Bounded memory.</b> Text formats hold the inference sample (default 10 000 rows, at
 *       most 32 Mi characters), up to six blocks of rows tokenized ahead by a background thread
 *       (reused, not reallocated: a CSV cell is a range of a block's character buffer, and a cell
 *       becomes a string only in a string column), and one batch; Parquet holds one row group's compressed pages plus one batch. The stream
 *       is opened once: the sample is buffered and then served, so gzip and zstd input is
 *       decompressed once. A 10-million-row CSV reads with {@code -Xmx256m}.
 *   <li><b>Files are closed on every path</b>: by {@code close()}, or by the factory when opening
 *       fails. Writers never leave a partial file at the target (temporary file plus atomic
 *       rename).
 *   <li><b>Locale never matters.</b> All parsing is by explicit grammar on ASCII digits.
 * </ul>
 *
 * <h2>Format detection</h2>
 *
 * Content first: {@code PAR1} magic is Parquet; {@code 1f 8b} gzip; {@code 28 b5 2f fd} zstd
 * (the decompressed text is then examined); text whose first non-space character is {@code {} is
 * JSON Lines; otherwise the delimiter among {@code , TAB ; |} that splits the first 50 records
 * (outside quotes) into the same, largest number of fields. Only a single-column text falls back
 * to the extension ({@code .tsv}, {@code .jsonl}, ...). An explicit format or delimiter in {@link
 * org.synthos.io.ReadOptions} wins. A {@code .gz}/{@code .zst} name over other content is
 * COMPRESSION_MISMATCH; binary content of no known kind, zip/Excel and JSON arrays are
 * UNSUPPORTED_FORMAT. Text must be UTF-8; a byte-order mark is dropped.
 *
 * <h2>Cells, nulls and types (text formats)</h2>
 *
 * A cell is trimmed of surrounding spaces for parsing; an empty cell or one equal to a null token
 * (default: empty, {@code NA}, {@code N/A}, {@code null}, {@code NULL}) is null. {@code NaN} is not
 * a null token: in a float column it is the value NaN, in a string column the string. String
 * columns keep the cell as written. Accepted values per type:
 *
 * <ul>
 *   <li>INTEGER: optional sign and digits within the signed 64-bit range ({@code -0} is 0).
 *   <li>FLOAT: decimal with optional fraction and exponent ({@code 1e308}, {@code .5}), {@code
 *       NaN}, {@code inf}, {@code Infinity}, any case, optional sign; no hex, no {@code d}/{@code
 *       f} suffix, no thousands separator or decimal comma.
 *   <li>BOOLEAN: true/false, t/f, yes/no, y/n (any case), and 1/0.
 *   <li>DATETIME: {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, each optionally followed by {@code T} or
 *       a space and {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fffffffff}, optionally
 *       followed by {@code Z} or an offset {@code ±HH}, {@code ±HHmm}, {@code ±HH:mm}. Held as
 *       microseconds since the epoch (UTC; a time without zone is read as UTC; fractions beyond
 *       microseconds are truncated). Proleptic Gregorian calendar: 2024-02-29 is valid,
 *       2023-02-29 and 23:59:60 are not. Days are counted with H. Hinnant's days_from_civil.
 * </ul>
 *
 * <p>Inference (rules in {@code TypeInference}) looks at the non-null cells of the sample: a
 * majority (more than half) of boolean words makes BOOLEAN, of date-times DATETIME, of numbers
 * INTEGER (all integral; zero-padded integers such as {@code 01234} are codes and stay strings) or
 * FLOAT; otherwise the column holds strings: IDENTIFIER when all values are distinct and the name
 * hints at a key ({@code id}, {@code *_id}, {@code userId}, {@code uuid}, ...) or the values look
 * like keys (20 or more, no whitespace, at most 64 characters); TEXT when long (mean length over
 * 40) or high-cardinality (more than 20 distinct values and more than half of the values distinct);
 * CATEGORICAL otherwise. A column with no value in the sample is TEXT. Cells after the sample that
 * do not fit are invalid, never dropped (so an INTEGER column whose first decimal value comes after
 * the sample counts it as invalid: override the column to FLOAT or enlarge the sample). {@link
 * org.synthos.io.ReadOptions#schemaOverrides()} replaces any inferred type.
 *
 * <h2>JSON Lines</h2>
 *
 * Nested objects flatten to dotted names, arrays are kept as JSON text, {@code null} and missing
 * keys are null; a key first seen after the sample is SCHEMA_MISMATCH naming its line (declare it
 * with a schema override). Scalars are typed by their text like CSV cells.
 *
 * <h2>Parquet</h2>
 *
 * Read through the column API of parquet-java (no Hadoop jars, via parquet-floor); the mapping of
 * physical and logical types is documented on {@code ParquetDatasetReader}. Page checksums are
 * verified; a damaged page is CORRUPT_FILE naming the row group's first row and the column.
 */
package org.synthos.io;
