package org.synthos.core.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene HNSW graph (Malkov and Yashunin 2018) over a prefix of a library's entries,
 * answering approximate candidates by position. Lucene assigns graph levels from a fixed seed and
 * this index builds and merges on the calling thread, so for the same sequence of additions and
 * searches the graph, and every answer, is the same; a different insertion order gives a different
 * graph. Not thread-safe: {@link SignatureIndex} calls it under its lock.
 */
final class HnswLibrary {
  private static final String VECTOR = "features";
  private static final String POSITION = "position";
  private static final int MAX_BUFFERED = 1_000_000;

  private final IndexWriter writer;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private int indexed;

  HnswLibrary() {
    IndexWriterConfig config =
        new IndexWriterConfig()
            // Merges on the adding thread: a background merge would make the segments, and so the
            // graphs searched, depend on timing.
            .setMergeScheduler(new SerialMergeScheduler())
            // One segment per catch-up: each segment is a separate graph that every query searches,
            // and rebuilding graphs in merges costs more than building them once.
            .setMaxBufferedDocs(MAX_BUFFERED)
            .setRAMBufferSizeMB(IndexWriterConfig.DISABLE_AUTO_FLUSH)
            .setCommitOnClose(false);
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entries indexed: the first {@code indexed()} of the library. */
  int indexed() {
    return indexed;
  }

  /** Indexes {@code entries} from position {@link #indexed()} on, and makes them searchable. */
  void catchUp(List<SignatureIndex.Entry> entries) {
    if (entries.size() == indexed) {
      return;
    }
    try {
      for (int i = indexed; i < entries.size(); i++) {
        Document doc = new Document();
        doc.add(
            new KnnFloatVectorField(
                VECTOR, toFloats(entries.get(i).features()), VectorSimilarityFunction.EUCLIDEAN));
        doc.add(new NumericDocValuesField(POSITION, i));
        writer.addDocument(doc);
      }
      DirectoryReader next =
          reader == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(reader);
      if (next != null) {
        if (reader != null) {
          reader.close();
        }
        reader = next;
        searcher = new IndexSearcher(reader);
      }
      indexed = entries.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Positions of about the {@code n} entries nearest to {@code query} by Euclidean distance,
   * nearest first as the graph ranks them (float precision: callers re-rank exactly).
   */
  int[] search(double[] query, int n) {
    if (searcher == null) {
      return new int[0];
    }
    try {
      ScoreDoc[] hits =
          searcher.search(new KnnFloatVectorQuery(VECTOR, toFloats(query), n), n).scoreDocs;
      List<LeafReaderContext> leaves = reader.leaves();
      int[] positions = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(POSITION);
        if (values == null || !values.advanceExact(hits[i].doc - leaf.docBase)) {
          throw new IllegalStateException("indexed signature without a position");
        }
        positions[i] = (int) values.longValue();
      }
      return positions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
