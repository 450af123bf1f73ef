package org.synthos.core.assess;

/** Wall-clock time one stage took. */
public record StageTiming(Stage stage, long millis) {}
