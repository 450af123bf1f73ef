package org.synthos.core.rows;

/**
 * Selects the {@code capacity} rows of smallest priority seen so far. Each kept row owns a slot in
 * {@code [0, capacity)} where callers store its payload; an evicted row's slot is reused.
 */
final class BottomK {
  private final int capacity;
  private long[] priority;
  private long[] row;
  private int[] heap; // slots, max-heap by priority
  private int size;

  BottomK(int capacity) {
    this.capacity = capacity;
    // Grown on demand, so a large capacity costs memory only when the data fill it.
    int initial = Math.min(capacity, 1024);
    this.priority = new long[initial];
    this.row = new long[initial];
    this.heap = new int[initial];
  }

  int size() {
    return size;
  }

  /** Offers a row; returns the slot to fill with its payload, or -1 when it is not kept. */
  int offer(long p, long globalRow) {
    int slot;
    if (size < capacity) {
      if (size == heap.length) {
        int grown = (int) Math.min(capacity, heap.length * 2L);
        priority = java.util.Arrays.copyOf(priority, grown);
        row = java.util.Arrays.copyOf(row, grown);
        heap = java.util.Arrays.copyOf(heap, grown);
      }
      slot = size;
      priority[slot] = p;
      row[slot] = globalRow;
      heap[size++] = slot;
      siftUp(size - 1);
    } else if (p < priority[heap[0]]) {
      slot = heap[0];
      priority[slot] = p;
      row[slot] = globalRow;
      siftDown(0);
    } else {
      return -1;
    }
    return slot;
  }

  /** Kept rows in ascending priority: {@code [priorities, rows, slots]}. */
  long[][] sorted() {
    long[] p = new long[size];
    long[] r = new long[size];
    long[] s = new long[size];
    for (int i = 0; i < size; i++) {
      p[i] = priority[i];
      r[i] = row[i];
      s[i] = i;
    }
    Sorting.sort(p, r, s, 0, size);
    return new long[][] {p, r, s};
  }

  private void siftUp(int k) {
    while (k > 0) {
      int parent = (k - 1) / 2;
      if (priority[heap[parent]] >= priority[heap[k]]) {
        return;
      }
      swap(k, parent);
      k = parent;
    }
  }

  private void siftDown(int k) {
    while (true) {
      int left = 2 * k + 1;
      int largest = k;
      if (left < size && priority[heap[left]] > priority[heap[largest]]) {
        largest = left;
      }
      if (left + 1 < size && priority[heap[left + 1]] > priority[heap[largest]]) {
        largest = left + 1;
      }
      if (largest == k) {
        return;
      }
      swap(k, largest);
      k = largest;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
