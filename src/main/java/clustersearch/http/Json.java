package clustersearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.UncheckedIOException;

/**
 * Every JSON the server writes (answers, errors Jetty answers itself, exports): one mapper,
 * Javalin's own, written straight to UTF-8 bytes. {@code ctx.json} makes a Java string first and
 * then encodes it, char by char for Chinese text: that encoding was a fifth of the server's CPU per
 * search under bench/harness.sh. Blackbird serializes the records through generated accessors
 * instead of reflection.
 */
final class Json {
  static final String TYPE = "application/json";

  /** The one mapper, also for the streamed JSON export ({@link RecordWriter}). */
  static final ObjectMapper MAPPER = mapper();

  private static final ObjectWriter WRITER = MAPPER.writer();

  private static ObjectMapper mapper() {
    ObjectMapper plain = JavalinJackson.defaultMapper().registerModule(new BlackbirdModule());
    ObjectMapper mapper = plain.copy();
    // Hits write their clusters' fields from bytes encoded once per cluster (HitSerializer), and
    // facet values their labels once per label (FacetValueSerializer), encoded by the plain
    // mapper, so a cluster or a value reads the same either way.
    mapper.registerModule(
        new SimpleModule("fragments")
            .addSerializer(new HitSerializer(plain.writer()))
            .addSerializer(new FacetValueSerializer(plain.writer())));
    return mapper;
  }

  private Json() {}

  /** Answers {@code value} as JSON. */
  static void send(Context ctx, Object value) {
    ctx.contentType(TYPE).result(bytes(value));
  }

  static byte[] bytes(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // the answers are records of strings and numbers
    }
  }
}
