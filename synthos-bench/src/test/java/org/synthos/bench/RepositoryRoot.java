package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, for tests that read the committed examples. */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /** The nearest directory above the working directory that holds {@code examples/}. */
  public static Path find() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    assertThat(p).as("examples/ above the working directory").isNotNull();
    return p;
  }
}
