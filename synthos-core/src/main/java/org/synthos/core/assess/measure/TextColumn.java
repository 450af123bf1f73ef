package org.synthos.core.assess.measure;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.TextLengths;

/**
 * A text column of the pool, tokenised once: every distinct text (an entry of the column's
 * dictionary) as an array of unigram ids and of bigram ids over the pooled vocabulary, the id of
 * its head (every token but the last), its length in characters and tokens, its UTF-8 bytes, and
 * its MinHash near-duplicate cluster. The measures of {@link TextMeasures} read these primitive
 * arrays for every labelling; nothing here depends on a labelling.
 *
 * <p>Tokens are as {@link TextLengths#tokenise} defines them, the same for the pass's length
 * states.
 */
public final class TextColumn {
  public final Pool.Var var;

  /** Unigram ids per dictionary entry. */
  final int[][] unigrams;

  /** Bigram ids per dictionary entry (consecutive token pairs). */
  final int[][] bigrams;

  /**
   * Head id per dictionary entry: the entry's tokens but the last, equal heads sharing an id; -1
   * for texts of fewer than two tokens, which have no head.
   */
  final int[] heads;

  final int vocabulary;
  final int bigramVocabulary;
  final int headVocabulary;
  final byte[][] utf8;

  /** Near-duplicate cluster of each dictionary entry (MinHash-LSH, {@link MinHash}). */
  final int[] cluster;

  /** Length in characters (code points) of each pooled row's text, NaN when missing. */
  public final Pool.Var characters;

  /** Length in tokens of each pooled row's text, NaN when missing. */
  public final Pool.Var tokens;

  private TextColumn(Pool.Var var) {
    this.var = var;
    int d = var.dictionary.length;
    unigrams = new int[d][];
    bigrams = new int[d][];
    heads = new int[d];
    utf8 = new byte[d][];
    Map<String, Integer> words = new HashMap<>();
    Map<Long, Integer> pairs = new HashMap<>();
    Map<Head, Integer> headIds = new HashMap<>();
    for (int e = 0; e < d; e++) {
      String text = var.dictionary[e];
      String[] toks = TextLengths.tokenise(text);
      int[] ids = new int[toks.length];
      for (int t = 0; t < toks.length; t++) {
        Integer id = words.putIfAbsent(toks[t], words.size());
        ids[t] = id == null ? words.size() - 1 : id;
      }
      int[] bi = new int[Math.max(0, ids.length - 1)];
      for (int t = 0; t < bi.length; t++) {
        long key = ((long) ids[t] << 32) | (ids[t + 1] & 0xffffffffL);
        Integer id = pairs.putIfAbsent(key, pairs.size());
        bi[t] = id == null ? pairs.size() - 1 : id;
      }
      unigrams[e] = ids;
      bigrams[e] = bi;
      if (ids.length >= 2) {
        Integer id = headIds.putIfAbsent(new Head(ids), headIds.size());
        heads[e] = id == null ? headIds.size() - 1 : id;
      } else {
        heads[e] = -1;
      }
      utf8[e] = text.getBytes(StandardCharsets.UTF_8);
    }
    vocabulary = words.size();
    bigramVocabulary = pairs.size();
    headVocabulary = headIds.size();
    cluster = MinHash.clusters(var.dictionary);
    double[] chars = new double[var.codes.length];
    double[] toks = new double[var.codes.length];
    for (int i = 0; i < chars.length; i++) {
      int e = var.codes[i];
      chars[i] = e < 0 ? Double.NaN : TextLengths.characters(var.dictionary[e]);
      toks[i] = e < 0 ? Double.NaN : unigrams[e].length;
    }
    characters = Pool.numeric(TextLengths.charactersName(var.name), chars);
    tokens = Pool.numeric(TextLengths.tokensName(var.name), toks);
  }

  /** A text's token ids but the last, read in place: equal when those tokens are. */
  private static final class Head {
    private final int[] ids;
    private final int hash;

    Head(int[] ids) {
      this.ids = ids;
      int h = 1;
      for (int k = 0; k < ids.length - 1; k++) {
        h = 31 * h + ids[k];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Head other
          && hash == other.hash
          && java.util.Arrays.equals(ids, 0, ids.length - 1, other.ids, 0, other.ids.length - 1);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * The column's distinct texts tokenised and their near duplicates clustered, once per pooled
   * column ({@link Pool.Var#derived}).
   */
  public static TextColumn of(Pool.Var text) {
    if (text.numeric || text.dictionary == null) {
      throw new IllegalArgumentException("not a text column: " + text.name);
    }
    return text.derived(TextColumn.class, TextColumn::new);
  }

  /**
   * A row's near-duplicate group: the cluster of its text, or -1 when it has none. Two rows share a
   * group when their texts are equal or MinHash-near.
   */
  public int[] nearGroupOfRows() {
    int[] g = new int[var.codes.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = var.codes[i] < 0 ? -1 : cluster[var.codes[i]];
    }
    return g;
  }

  /** A row's head (its text's tokens but the last): an id shared by equal heads, -1 when none. */
  public int[] headOfRows() {
    int[] h = new int[var.codes.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = var.codes[i] < 0 ? -1 : heads[var.codes[i]];
    }
    return h;
  }

  /** The number of distinct heads over the pooled texts. */
  public int headCount() {
    return headVocabulary;
  }

  /** A row's exact-text group: its dictionary code, -1 when missing. */
  public int[] exactGroupOfRows() {
    return var.codes.clone();
  }

  /** The pooled vocabulary, by word id. */
  public String[] words() {
    String[] out = new String[vocabulary];
    for (int e = 0; e < unigrams.length; e++) {
      String[] toks = TextLengths.tokenise(var.dictionary[e]);
      for (int k = 0; k < toks.length; k++) {
        out[unigrams[e][k]] = toks[k];
      }
    }
    return out;
  }

  /** Each pooled row's word ids (empty without text). */
  public int[][] wordsOfRows() {
    int[][] out = new int[var.codes.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = var.codes[i] < 0 ? new int[0] : unigrams[var.codes[i]];
    }
    return out;
  }

  /** The text of a dictionary entry, for reports. */
  public String text(int code) {
    return var.dictionary[code];
  }
}
