package org.synthos.core.signature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Decision;

/**
 * An in-memory library of signatures. Up to {@link #EXACT_UP_TO} entries every query computes the
 * distance to every entry and keeps the k nearest in a bounded heap, O(n d log k) time for n
 * entries of d features. Above it the candidates come from an HNSW graph ({@link HnswLibrary},
 * Malkov and Yashunin 2018), are re-ranked by the exact distance, and the search falls back to the
 * exact scan when fewer than k of them are visible. Entries hold only what the pre-screen answers
 * with (features, ids, outcome), not the measures. Adding and searching may run on different
 * threads.
 */
public final class SignatureIndex {
  /**
   * The kernel bandwidth h of {@link #similarity}: an RMS feature distance of h gives similarity
   * exp(-1/2), about 0.61.
   */
  public static final double BANDWIDTH = 0.05;

  /** Libraries of at most this many entries are searched exactly; larger ones through HNSW. */
  public static final int EXACT_UP_TO = 100_000;

  /**
   * Graph candidates fetched per wanted neighbour, so that a predicate hiding some entries still
   * leaves k visible ones among the candidates, and the exact re-ranking repairs the graph's order.
   */
  static final int OVERFETCH = 4;

  /** Fewest graph candidates fetched: small k would otherwise lose recall. */
  static final int MIN_CANDIDATES = 100;

  private final List<Entry> entries = new ArrayList<>();
  private final int exactUpTo;
  private HnswLibrary graph;

  /** A library searched exactly up to {@link #EXACT_UP_TO} entries. */
  public SignatureIndex() {
    this(EXACT_UP_TO);
  }

  /** A library searched exactly up to {@code exactUpTo} entries (tests lower it). */
  SignatureIndex(int exactUpTo) {
    if (exactUpTo < 0) {
      throw new IllegalArgumentException("exactUpTo must be at least 0, got " + exactUpTo);
    }
    this.exactUpTo = exactUpTo;
  }

  /**
   * One library entry.
   *
   * @param scope who may see it: the owner in the service, the dataset name in the benchmark, empty
   *     in a local library
   * @param ref the holder's reference for it: the job id in the service, else empty
   */
  public record Entry(
      String validationId,
      String datasetSha256,
      double[] features,
      Decision decision,
      double risk,
      List<CollapseType> collapseTypes,
      String scope,
      String ref) {
    public Entry {
      features = features.clone();
      collapseTypes = List.copyOf(collapseTypes);
    }

    static Entry of(Signature s, String scope, String ref) {
      return new Entry(
          s.validationId(),
          s.datasetSha256(),
          s.features().values(),
          s.decision(),
          s.risk(),
          s.collapseTypes(),
          scope,
          ref);
    }
  }

  /**
   * A library signature near the query.
   *
   * @param distance RMS feature difference, in [0, 1]
   * @param similarity exp(-(distance / h)^2 / 2), in (0, 1]; 1 for equal features
   * @param sameDataset whether its fingerprint equals the query's
   * @param ref the entry's {@link Entry#ref()}
   */
  public record Neighbour(
      String validationId,
      String datasetSha256,
      double distance,
      double similarity,
      boolean sameDataset,
      Decision decision,
      double risk,
      List<CollapseType> collapseTypes,
      String ref) {
    public Neighbour {
      collapseTypes = List.copyOf(collapseTypes);
    }
  }

  /** Adds a signature visible to {@code scope}. */
  public void add(Signature s, String scope) {
    add(s, scope, "");
  }

  /** Adds a signature visible to {@code scope}, with the holder's reference for it. */
  public synchronized void add(Signature s, String scope, String ref) {
    entries.add(Entry.of(s, scope, ref));
  }

  /** Signatures held. */
  public synchronized int size() {
    return entries.size();
  }

  /** Entries that {@code visible} admits. */
  public synchronized int count(Predicate<Entry> visible) {
    return (int) entries.stream().filter(visible).count();
  }

  /** The similarity of two feature vectors at RMS distance {@code d}. */
  public static double similarity(double d) {
    return similarity(d, BANDWIDTH);
  }

  /** The similarity at RMS distance {@code d} under bandwidth {@code h}. */
  public static double similarity(double d, double h) {
    double u = d / h;
    return Math.exp(-0.5 * u * u);
  }

  /**
   * The {@code k} entries nearest to {@code query} among those {@code visible} admits, nearest
   * first; ties by validation id, so the answer does not depend on the order of additions.
   *
   * @param datasetSha256 the query's fingerprint, or null when unknown
   */
  public List<Neighbour> nearest(
      ProfileFeatures query, String datasetSha256, int k, Predicate<Entry> visible) {
    return nearest(query, datasetSha256, k, visible, BANDWIDTH);
  }

  /**
   * As {@link #nearest(ProfileFeatures, String, int, Predicate)} with similarities under bandwidth
   * {@code h} (the benchmark's sweep; answers use {@link #BANDWIDTH}).
   */
  public List<Neighbour> nearest(
      ProfileFeatures query, String datasetSha256, int k, Predicate<Entry> visible, double h) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    double[] q = query.values();
    List<Scored> found;
    List<Entry> snapshot = null;
    synchronized (this) {
      found = entries.size() > exactUpTo ? approximate(q, k, visible) : null;
      if (found == null) {
        snapshot = new ArrayList<>(entries);
      }
    }
    if (found == null) {
      found = exact(snapshot, q, k, visible);
    }
    List<Neighbour> out = new ArrayList<>(found.size());
    for (Scored s : found) {
      Entry e = s.entry();
      out.add(
          new Neighbour(
              e.validationId,
              e.datasetSha256,
              s.distance(),
              similarity(s.distance(), h),
              datasetSha256 != null && datasetSha256.equals(e.datasetSha256),
              e.decision,
              e.risk,
              e.collapseTypes,
              e.ref));
    }
    return out;
  }

  private static final Comparator<Scored> NEAR_FIRST =
      Comparator.comparingDouble(Scored::distance).thenComparing(s -> s.entry().validationId());

  private static List<Scored> exact(
      List<Entry> snapshot, double[] q, int k, Predicate<Entry> visible) {
    PriorityQueue<Scored> heap = new PriorityQueue<>(k + 1, NEAR_FIRST.reversed());
    for (Entry e : snapshot) {
      if (!visible.test(e)) {
        continue;
      }
      Scored s = new Scored(e, distance(q, e.features));
      if (heap.size() < k) {
        heap.add(s);
      } else if (NEAR_FIRST.compare(s, heap.peek()) < 0) {
        heap.poll();
        heap.add(s);
      }
    }
    List<Scored> found = new ArrayList<>(heap);
    found.sort(NEAR_FIRST);
    return found;
  }

  /**
   * The k nearest visible graph candidates re-ranked by exact distance, or null when fewer than k
   * of the fetched candidates are visible (the caller then scans exactly). Runs under the lock: the
   * graph is brought up to date with every entry added so far.
   */
  private List<Scored> approximate(double[] q, int k, Predicate<Entry> visible) {
    if (graph == null) {
      graph = new HnswLibrary();
    }
    graph.catchUp(entries);
    int fetch = (int) Math.min(entries.size(), Math.max((long) k * OVERFETCH, MIN_CANDIDATES));
    List<Scored> found = new ArrayList<>();
    for (int position : graph.search(q, fetch)) {
      Entry e = entries.get(position);
      if (visible.test(e)) {
        found.add(new Scored(e, distance(q, e.features)));
      }
    }
    if (found.size() < k) {
      return null;
    }
    found.sort(NEAR_FIRST);
    return new ArrayList<>(found.subList(0, k));
  }

  private record Scored(Entry entry, double distance) {}

  static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s / a.length);
  }
}
