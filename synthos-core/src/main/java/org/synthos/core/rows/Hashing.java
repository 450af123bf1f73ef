package org.synthos.core.rows;

/**
 * The mixing functions behind row hashes and sampling priorities.
 *
 * <p>The block mix and finaliser are those of MurmurHash3 x64_128 (Appleby, 2011, public domain).
 * {@link #fmix64} is a bijection on 64-bit words, so {@code fmix64(row + salt)} gives distinct
 * priorities to distinct rows.
 */
final class Hashing {
  static final long C1 = 0x87c37b91114253d5L;
  static final long C2 = 0x4cf5ad432745937fL;

  // Tags keep cells of different kinds apart: a null is not an empty string, true is not 1.
  static final long TAG_NULL = 0x6e756c6c00000001L;
  static final long TAG_INTEGRAL = 0x696e746700000002L;
  static final long TAG_REAL = 0x7265616c00000003L;
  static final long TAG_NAN = 0x6e616e0000000004L;
  static final long TAG_BOOLEAN = 0x626f6f6c00000005L;
  static final long TAG_STRING = 0x7374726700000006L;

  private static final double TWO_POW_63 = 0x1p63;

  private Hashing() {}

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Mixes the two words {@code k1, k2} into the running hash {@code h[i], g[i]}. */
  static void mixInto(long[] h, long[] g, int i, long k1, long k2) {
    long h1 = h[i];
    long h2 = g[i];
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
    h[i] = h1;
    g[i] = h2;
  }

  /** MurmurHash3's finalisation of {@code h[i], g[i]} after {@code length} words. */
  static void finishInto(long[] h, long[] g, int i, long length) {
    long h1 = h[i] ^ length;
    long h2 = g[i] ^ length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    h[i] = h1;
    g[i] = h2;
  }

  /** The payload word of a numeric value: integral values as longs so that 1.0 and 1 agree. */
  static long doubleTag(double v) {
    if (Double.isNaN(v)) {
      return TAG_NAN;
    }
    return isIntegral(v) ? TAG_INTEGRAL : TAG_REAL;
  }

  static long doublePayload(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    // -0.0 is integral and becomes 0L, the same as +0.0.
    return isIntegral(v) ? (long) v : Double.doubleToLongBits(v);
  }

  private static boolean isIntegral(double v) {
    return v == Math.rint(v) && v >= -TWO_POW_63 && v < TWO_POW_63;
  }

  /** A 128-bit digest of a string's UTF-16 code units; returned as {@code out[0], out[1]}. */
  static void stringDigest(String s, long[] out) {
    long h1 = 0x9e3779b97f4a7c15L;
    long h2 = 0xc2b2ae3d27d4eb4fL;
    int n = s.length();
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      long k1 = pack(s, i);
      long k2 = pack(s, i + 4);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    for (int j = 0; i + j < n; j++) {
      long c = s.charAt(i + j);
      if (j < 4) {
        k1 |= c << (16 * j);
      } else {
        k2 |= c << (16 * (j - 4));
      }
    }
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 ^= n;
    h2 ^= n;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
  }

  private static long pack(String s, int i) {
    return (long) s.charAt(i)
        | ((long) s.charAt(i + 1) << 16)
        | ((long) s.charAt(i + 2) << 32)
        | ((long) s.charAt(i + 3) << 48);
  }

  /** A 64-bit sampling priority of a global row index; distinct rows get distinct priorities. */
  static long priority(long seed, long salt, long row) {
    return fmix64(row + fmix64(seed ^ salt));
  }
}
