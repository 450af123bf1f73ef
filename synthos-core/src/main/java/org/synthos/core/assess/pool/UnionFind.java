package org.synthos.core.assess.pool;

/**
 * Union-find over int indices held in one array (path halving; the smaller root wins, so the groups
 * are a function of the unions alone, not of their order of discovery within a group).
 */
public final class UnionFind {
  private UnionFind() {}

  /** {@code parent[i] = i} for every i. */
  public static int[] singletons(int n) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    return parent;
  }

  public static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  public static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
