package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;

/**
 * Law: random typed columns written as CSV, JSON Lines and Parquet read back to the same schema,
 * values and nulls, whatever the batch size. Strings avoid the one documented loss of text formats:
 * a value equal to a null token (or blank) reads back as null.
 */
@net.jqwik.api.Tag("laws")
class RoundTripLawsTest {
  private static final List<String> NAMES = List.of("id", "a b", "x.y", "Zeta", "émoji", "q\"uote");

  record Dataset(Schema schema, List<List<Object>> columns) {}

  @Property(tries = 60)
  void writtenThenReadIsIdentity(
      @ForAll("datasets") Dataset data, @ForAll @IntRange(min = 1, max = 17) int batchSize)
      throws IOException {
    Path dir = Files.createTempDirectory("synthos-laws");
    try {
      ColumnBatch batch = Batches.of(data.schema(), data.columns(), 0);
      Map<String, ColumnType> types = new LinkedHashMap<>();
      data.schema().fields().forEach(f -> types.put(f.name(), f.type()));
      ReadOptions options =
          ReadOptions.defaults().withBatchSize(batchSize).withSchemaOverrides(types);
      for (DataFormat format : List.of(DataFormat.CSV, DataFormat.JSONL, DataFormat.PARQUET)) {
        Path file = dir.resolve("data." + format.name().toLowerCase(java.util.Locale.ROOT));
        try (DatasetWriter w = DatasetWriters.of(format, file, data.schema())) {
          w.write(batch);
        }
        TestData.Table back = TestData.read(file, options);
        assertThat(back.schema()).as(format.name()).isEqualTo(data.schema());
        assertThat(back.columns()).as(format.name()).isEqualTo(data.columns());
        assertThat(back.stats().rowsRead()).isEqualTo(data.columns().get(0).size());
        assertThat(back.stats().invalidCellsTotal()).isZero();
      }
      // Parquet also keeps the logical types without any override.
      TestData.Table plain = TestData.read(dir.resolve("data.parquet"));
      assertThat(plain.schema()).isEqualTo(data.schema());
    } finally {
      deleteTree(dir);
    }
  }

  @Provide
  Arbitrary<Dataset> datasets() {
    Arbitrary<ColumnType> types =
        Arbitraries.of(
            ColumnType.INTEGER,
            ColumnType.FLOAT,
            ColumnType.BOOLEAN,
            ColumnType.CATEGORICAL,
            ColumnType.DATETIME,
            ColumnType.TEXT,
            ColumnType.IDENTIFIER);
    return Combinators.combine(
            types.list().ofMinSize(1).ofMaxSize(NAMES.size()),
            Arbitraries.integers().between(1, 40))
        .flatAs(
            (columnTypes, rows) -> {
              List<Field> fields = new ArrayList<>();
              List<Arbitrary<List<Object>>> columns = new ArrayList<>();
              for (int i = 0; i < columnTypes.size(); i++) {
                fields.add(new Field(NAMES.get(i), columnTypes.get(i)));
                columns.add(values(columnTypes.get(i)).injectNull(0.2).list().ofSize(rows));
              }
              Schema schema = new Schema(fields);
              return Combinators.combine(columns).as(cols -> new Dataset(schema, cols));
            });
  }

  private static Arbitrary<Object> values(ColumnType type) {
    return switch (type) {
      case INTEGER -> Arbitraries.longs().map(v -> (Object) v);
      case FLOAT ->
          Arbitraries.doubles()
              .withSpecialValue(Double.NaN)
              .withSpecialValue(Double.POSITIVE_INFINITY)
              .withSpecialValue(Double.NEGATIVE_INFINITY)
              .withSpecialValue(-0.0)
              .withSpecialValue(Double.MIN_VALUE)
              .withSpecialValue(Double.MAX_VALUE)
              .map(v -> (Object) v);
      case BOOLEAN -> Arbitraries.of(true, false).map(v -> (Object) v);
      case DATETIME ->
          Arbitraries.longs()
              .between(-2_208_988_800_000_000L, 4_102_444_800_000_000L) // 1900..2100
              .map(v -> (Object) v);
      case CATEGORICAL, TEXT, IDENTIFIER ->
          Arbitraries.strings()
              .withChars("ab ,;\"\n\t|{}[]é€\\")
              .withCharRange('0', '9')
              .ofMinLength(1)
              .ofMaxLength(12)
              .filter(s -> !s.isBlank() && !ReadOptions.DEFAULT_NULL_TOKENS.contains(s.strip()))
              .map(v -> (Object) v);
    };
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
