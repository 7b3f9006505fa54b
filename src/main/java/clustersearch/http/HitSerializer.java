package clustersearch.http;

import clustersearch.search.SearchResult.Hit;
import clustersearch.source.Cluster;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A hit as JSON with its cluster's fields written from bytes encoded once: a cluster is the same
 * object for as long as its reader is served (the reader's record cache), and its fields were most
 * of the JSON encoding of every search (Chinese text, character by character, under
 * bench/harness.sh with the response cache off). The fragment is the cluster's object without its
 * braces and with a trailing comma; the hit's own fields follow it, the first of them written
 * without a comma because the generator has not seen the fragment's fields.
 */
final class HitSerializer extends StdSerializer<Hit> {
  /** Fragments by cluster object (identity, weak: a closed reader's clusters go with it). */
  private final Cache<Cluster, SerializedString> fragments =
      Caffeine.newBuilder().weakKeys().maximumSize(FRAGMENTS).executor(Runnable::run).build();

  /** Fragments kept at most: the records of a few readers of the largest list served. */
  private static final int FRAGMENTS = 100_000;

  private final ObjectWriter clusters;

  HitSerializer(ObjectWriter clusters) {
    super(Hit.class);
    this.clusters = clusters;
  }

  @Override
  public void serialize(Hit hit, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(hit);
    gen.writeRaw(fragments.get(hit.cluster(), this::fragment));
    gen.writeNumberField("score", hit.score());
    provider.defaultSerializeField("match", hit.match(), gen);
    if (hit.readings() != null) {
      provider.defaultSerializeField("readings", hit.readings(), gen);
    }
    if (hit.highlight() != null) {
      provider.defaultSerializeField("highlight", hit.highlight(), gen);
    }
    if (hit.explain() != null) {
      provider.defaultSerializeField("explain", hit.explain(), gen);
    }
    gen.writeEndObject();
  }

  private SerializedString fragment(Cluster cluster) {
    try {
      String object = new String(clusters.writeValueAsBytes(cluster), StandardCharsets.UTF_8);
      return new SerializedString(object.substring(1, object.length() - 1) + ",");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
