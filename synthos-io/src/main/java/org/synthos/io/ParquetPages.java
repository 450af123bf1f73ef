package org.synthos.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Walks the page headers of every column chunk before any page is read. The Parquet library
 * allocates a page at the size its header declares before reading it (and, for a row group's last
 * chunk, reads past the chunk to fill it), so a 2 KB file whose header claims 900 MB made it
 * allocate and zero that much. Here a page must end inside the file, and its declared expansion is
 * held to the decompression cap.
 */
final class ParquetPages {
  private ParquetPages() {}

  static void check(Path path, List<BlockMetaData> blocks, long fileBytes, Location file) {
    try (SeekableInputStream in = new LocalInputFile(path).newStream()) {
      for (BlockMetaData block : blocks) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          checkChunk(in, chunk, fileBytes, file.withColumn(chunk.getPath().toDotString()));
        }
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      if (e instanceof SynthosException s) {
        throw s;
      }
      // Thrift reads lengths from the header bytes: a forged one may ask for any amount.
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "a Parquet page header cannot be read: " + InputFiles.oneLine(e),
          file,
          e);
    }
  }

  /**
   * Follows the pages as the library does: from the chunk's start until the data pages hold the
   * chunk's value count, which for a row group's last chunk may run past its declared end.
   */
  private static void checkChunk(
      SeekableInputStream in, ColumnChunkMetaData chunk, long fileBytes, Location where)
      throws IOException {
    long pos = chunk.getStartingPos();
    long values = 0;
    while (values < chunk.getValueCount() && pos < fileBytes) {
      in.seek(pos);
      PageHeader h = Util.readPageHeader(in);
      long body = in.getPos();
      long compressed = h.getCompressed_page_size();
      long expanded = h.getUncompressed_page_size();
      if (compressed < 0 || expanded < 0 || compressed > fileBytes - body) {
        throw new SynthosException(
            ErrorCode.CORRUPT_FILE,
            "a page header at offset "
                + pos
                + " declares "
                + compressed
                + " bytes, past the end of the file ("
                + fileBytes
                + " bytes)",
            where);
      }
      InputLimits.checkChunk(pos, body - pos + compressed, expanded, fileBytes, where);
      if (h.isSetData_page_header()) {
        values += Math.max(0, h.getData_page_header().getNum_values());
      } else if (h.isSetData_page_header_v2()) {
        values += Math.max(0, h.getData_page_header_v2().getNum_values());
      }
      pos = body + compressed;
    }
  }
}
