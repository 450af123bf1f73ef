package org.synthos.core.assess;

import java.util.List;

/** What a piece of evidence concerns: the whole dataset, one column, or a pair of columns. */
public sealed interface Subject permits Subject.Dataset, Subject.Column, ColumnPair {
  /** The whole dataset. */
  Subject DATASET = new Dataset();

  /** The label written in reports: null for the dataset, the name, or {@code "a ~ b"}. */
  String label();

  /** The columns concerned, in order; empty for the dataset. */
  List<String> columns();

  /** One column, or the dataset when {@code name} is null. */
  static Subject of(String name) {
    return name == null ? DATASET : new Column(name);
  }

  /** The whole dataset. */
  record Dataset() implements Subject {
    @Override
    public String label() {
      return null;
    }

    @Override
    public List<String> columns() {
      return List.of();
    }
  }

  /** One column. */
  record Column(String name) implements Subject {
    @Override
    public String label() {
      return name;
    }

    @Override
    public List<String> columns() {
      return List.of(name);
    }
  }
}
