package org.synthos.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Strict UTF-8 decoding that knows where it is. It drops a leading byte-order mark, counts physical
 * lines (LF, CRLF or a lone CR end a line) and fails with a located {@link SynthosException} on an
 * invalid byte sequence ({@link ErrorCode#INVALID_ENCODING}) or a line longer than the limit
 * ({@link ErrorCode#LINE_TOO_LONG}). Checking here, below the parser, bounds the memory a
 * pathological line can take whatever the parser does.
 */
final class CheckedTextReader extends Reader {
  private static final int BYTE_BUFFER = 1 << 16;
  private static final int CHAR_BUFFER = 1 << 15;

  private final InputStream in;
  private final Location file;
  private final int maxLineLength;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER).flip();
  private final CharBuffer chars = CharBuffer.allocate(CHAR_BUFFER).flip();
  private boolean endOfInput;
  private boolean flushed;
  private boolean started;
  private long bytesDecoded;
  private long line = 1;
  private long lineLength;
  private boolean previousWasCr;

  CheckedTextReader(InputStream in, Location file, int maxLineLength) {
    this.in = in;
    this.file = file;
    this.maxLineLength = maxLineLength;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(target, offset, n);
    return n;
  }

  /** Decodes the next chunk into {@link #chars}; false at the end of input. */
  private boolean fill() throws IOException {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (flushed) {
          return false;
        }
        int before = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        bytesDecoded += bytes.position() - before;
        if (result.isError()) {
          scan(0, chars.position());
          throw new SynthosException(
              ErrorCode.INVALID_ENCODING,
              "invalid UTF-8 byte sequence at byte "
                  + bytesDecoded
                  + " of the decompressed text; save the file as UTF-8",
              file.withLine(line));
        }
        if (result.isUnderflow() && chars.position() == 0) {
          if (endOfInput) {
            decoder.flush(chars);
            flushed = true;
          } else {
            readMoreBytes();
          }
        }
      }
    } finally {
      chars.flip();
    }
    int from = 0;
    if (!started) {
      started = true;
      if (chars.hasRemaining() && chars.get(0) == '\uFEFF') {
        chars.position(1);
        from = 1;
      }
    }
    scan(from, chars.limit());
    return chars.hasRemaining() || fill();
  }

  private void readMoreBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /**
   * Counts the line ends in {@code chars[from, to)} and checks line lengths. One comparison per
   * character in the common case; a line's length is checked at its end, or at the end of the chunk
   * while it is still open, so an over-long line is caught within one chunk of the limit.
   */
  private void scan(int from, int to) {
    char[] a = chars.array();
    long carried = lineLength;
    int lineStart = from;
    for (int i = from; i < to; i++) {
      char c = a[i];
      if (c <= '\r' && (c == '\n' || c == '\r')) {
        checkLength(carried + (i - lineStart));
        boolean secondHalfOfCrLf = c == '\n' && (i > from ? a[i - 1] == '\r' : previousWasCr);
        if (!secondHalfOfCrLf) {
          line++;
        }
        carried = 0;
        lineStart = i + 1;
      }
    }
    long open = carried + (to - lineStart);
    checkLength(open);
    lineLength = open;
    if (to > from) {
      previousWasCr = a[to - 1] == '\r';
    }
  }

  private void checkLength(long length) {
    if (length > maxLineLength) {
      throw new SynthosException(
          ErrorCode.LINE_TOO_LONG,
          "line is longer than the limit of "
              + maxLineLength
              + " characters; raise the limit if the line is genuine",
          file.withLine(line));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
