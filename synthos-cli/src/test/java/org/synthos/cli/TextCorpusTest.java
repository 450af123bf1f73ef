package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Lines corpus of prompts and responses validates like a table of two text columns: a fresh
 * sample of the same population is approved, responses drawn from 25 texts are rejected for their
 * text measures, and {@code --type} changes how a column is treated and says so.
 */
@Tag("integration")
class TextCorpusTest {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ten", "ra", "su", "vel", "do", "an", "ri", "po", "zu", "ne", "qua", "ti"
  };

  /** A word of rank k: Zipf-distributed ranks make a vocabulary with a long tail. */
  private static String word(int k) {
    StringBuilder b = new StringBuilder();
    int x = k + 1;
    while (x > 0) {
      b.append(SYLLABLES[x % SYLLABLES.length]);
      x /= SYLLABLES.length;
    }
    return b.toString();
  }

  private static String sentence(SplittableRandom r, int minWords, int maxWords) {
    int n = minWords + r.nextInt(maxWords - minWords + 1);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Inverse-CDF draw from a Zipf(1) law over 2,000 ranks.
      double u = r.nextDouble();
      int rank = (int) Math.floor(Math.exp(u * Math.log(2000))) - 1;
      words.add(word(rank));
    }
    return String.join(" ", words) + ".";
  }

  private static Path corpus(Path dir, String name, long seed, int rows, int pool)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> responses = new ArrayList<>();
    for (int i = 0; i < pool; i++) {
      responses.add(sentence(r, 12, 40));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      String prompt = sentence(r, 6, 14);
      String response = pool > 0 ? responses.get(r.nextInt(pool)) : sentence(r, 12, 40);
      b.append("{\"prompt\":\"").append(prompt).append("\",\"response\":\"");
      b.append(response).append("\"}\n");
    }
    Path p = dir.resolve(name);
    Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void promptsAndResponsesAreJudgedAsText(@TempDir Path dir) throws IOException {
    Path reference = corpus(dir, "reference.jsonl", 1, 500, 0);
    Path fresh = corpus(dir, "fresh.jsonl", 2, 500, 0);
    Path repeated = corpus(dir, "repeated.jsonl", 3, 500, 25);
    Path report = dir.resolve("report.json");

    SynthosCliTest.Result ok =
        SynthosCliTest.run(
            "validate",
            fresh.toString(),
            "--reference",
            reference.toString(),
            "--report",
            report.toString());
    assertThat(ok.exit()).as(ok.out()).isZero();
    JsonNode schema =
        new ObjectMapper().readTree(report.toFile()).at("/provenance/candidate/schema");
    assertThat(schema.get(1).get("type").asText()).isEqualTo("text");
    assertThat(schema.get(1).get("reason").asText()).isEqualTo("long_strings");
    assertThat(schema.get(1).get("treated_as").asText()).isEqualTo("text");

    Path html = dir.resolve("report.html");
    SynthosCliTest.Result bad =
        SynthosCliTest.run(
            "validate",
            repeated.toString(),
            "--reference",
            reference.toString(),
            "--report",
            report.toString(),
            "--html",
            html.toString());
    assertThat(bad.exit()).isEqualTo(SynthosCli.EXIT_REJECTED);
    assertThat(bad.out()).contains("diversity retention").contains("of response");
    JsonNode diversity =
        new ObjectMapper().readTree(report.toFile()).at("/results/dimensions/diversity_retention");
    assertThat(diversity.get("status").asText()).isEqualTo("fail");
    assertThat(diversity.get("evidence").toString()).contains("text_repeat_share");
    assertThat(bad.out()).contains("repeated_text");
    assertThat(Files.readString(html, StandardCharsets.UTF_8))
        .contains("Text columns")
        .contains("response (tokens)")
        .contains("response (most frequent words)")
        .contains("response (largest text clusters)");
  }

  @Test
  void typeOverridesAreAppliedAndReported(@TempDir Path dir) throws IOException {
    Path reference = corpus(dir, "reference.jsonl", 1, 200, 0);
    SynthosCliTest.Result r =
        SynthosCliTest.run("profile", reference.toString(), "--type", "prompt=id", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode prompt = new ObjectMapper().readTree(r.out()).at("/columns/0");
    assertThat(prompt.get("type").asText()).isEqualTo("identifier");
    assertThat(prompt.get("reason").asText()).isEqualTo("override");
    assertThat(prompt.get("treated_as").asText()).isEqualTo("key");
  }
}
