package org.synthos.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of uniquely named fields. */
public record Schema(List<Field> fields) {
  public Schema {
    fields = List.copyOf(fields);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Integer previous = seen.put(fields.get(i).name(), i);
      if (previous != null) {
        throw new SynthosException(
            ErrorCode.DUPLICATE_COLUMN,
            "column name '"
                + fields.get(i).name()
                + "' appears twice (columns "
                + (previous + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
  }

  public static Schema of(Field... fields) {
    return new Schema(List.of(fields));
  }

  public int size() {
    return fields.size();
  }

  public Field field(int index) {
    return fields.get(index);
  }

  /** The position of the named column, if present. */
  public Optional<Integer> indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }
}
