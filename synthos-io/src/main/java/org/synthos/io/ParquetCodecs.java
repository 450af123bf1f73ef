package org.synthos.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page codecs available without Hadoop. parquet-java's GZIP codec goes through Hadoop's codec
 * classes, which parquet-floor's stubs do not carry, so GZIP pages are (de)compressed here with
 * {@code java.util.zip} (Parquet's GZIP is the gzip format of RFC 1952). Every other codec is
 * parquet-java's own; {@link #SUPPORTED} lists the ones known to work this way.
 */
final class ParquetCodecs implements CompressionCodecFactory {
  static final Set<CompressionCodecName> SUPPORTED =
      Set.of(
          CompressionCodecName.UNCOMPRESSED,
          CompressionCodecName.SNAPPY,
          CompressionCodecName.GZIP,
          CompressionCodecName.ZSTD,
          CompressionCodecName.LZ4_RAW);

  private final CompressionCodecFactory parquetJava;

  ParquetCodecs(CompressionCodecFactory parquetJava) {
    this.parquetJava = parquetJava;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return codec == CompressionCodecName.GZIP ? new Gzip() : parquetJava.getCompressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return codec == CompressionCodecName.GZIP ? new Gzip() : parquetJava.getDecompressor(codec);
  }

  @Override
  public void release() {
    parquetJava.release();
  }

  private static final class Gzip implements BytesInputCompressor, BytesInputDecompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream gz = new GZIPOutputStream(out)) {
        bytes.writeAllTo(gz);
      }
      return BytesInput.from(out.toByteArray());
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.GZIP;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      return BytesInput.from(inflate(bytes.toInputStream(), uncompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(inflate(new java.io.ByteArrayInputStream(compressed), decompressedSize));
    }

    private static byte[] inflate(InputStream compressed, int size) throws IOException {
      byte[] out = new byte[size];
      try (InputStream in = new GZIPInputStream(compressed)) {
        int filled = 0;
        while (filled < size) {
          int n = in.read(out, filled, size - filled);
          if (n < 0) {
            throw new IOException("gzip page holds " + filled + " bytes, expected " + size);
          }
          filled += n;
        }
      }
      return out;
    }

    @Override
    public void release() {
      // Nothing pooled.
    }
  }
}
