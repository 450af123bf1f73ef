package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Disjoint sets over {@code [0, n)} with path halving and union by size. */
final class UnionFind {
  private final int[] parent;
  private final int[] size;

  UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
  }

  /** Sets of two or more, as sorted labels, largest first then by smallest label. */
  List<long[]> groups(long[] labels) {
    int n = parent.length;
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      count[find(i)]++;
    }
    long[][] members = new long[n][];
    int[] filled = new int[n];
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int r = find(i);
      if (count[r] < 2) {
        continue;
      }
      if (members[r] == null) {
        members[r] = new long[count[r]];
        out.add(members[r]);
      }
      members[r][filled[r]++] = labels[i];
    }
    for (long[] g : out) {
      Arrays.sort(g);
    }
    out.sort(Comparator.<long[]>comparingInt(g -> -g.length).thenComparingLong(g -> g[0]));
    return out;
  }
}
