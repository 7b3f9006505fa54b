package clustersearch.http;

import clustersearch.search.SearchResult.FacetValue;
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
 * A facet value as JSON with its labels (value, code, English label, year) written from bytes
 * encoded once per label: the values repeat in every answer with only their counts changing, and
 * encoding their Chinese and English text again was a third of the JSON a search wrote besides its
 * hits (bench/harness.sh, JFR). As {@link HitSerializer}, the fragment is the labels' fields with a
 * trailing comma; the count follows it without one. The same JSON as the record's own ({@code
 * JsonTest}).
 */
final class FacetValueSerializer extends StdSerializer<FacetValue> {
  /** Labels kept at most: every province, industry, area and year of the largest list, and more. */
  private static final int LABELS = 10_000;

  /** How a value without children ends: its count, last. */
  private static final String COUNT_LAST = "\"count\":0}";

  private record Label(String value, String code, String labelEn, Integer year) {}

  private final Cache<Label, SerializedString> fragments =
      Caffeine.newBuilder().maximumSize(LABELS).executor(Runnable::run).build();

  private final ObjectWriter labels;

  /**
   * @param labels a writer of the records without this serializer
   */
  FacetValueSerializer(ObjectWriter labels) {
    super(FacetValue.class);
    this.labels = labels;
  }

  @Override
  public void serialize(FacetValue value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(value);
    gen.writeRaw(
        fragments.get(
            new Label(value.value(), value.code(), value.labelEn(), value.year()), this::fragment));
    gen.writeNumberField("count", value.count());
    if (value.children() != null) {
      provider.defaultSerializeField("children", value.children(), gen);
    }
    gen.writeEndObject();
  }

  /** The label's fields as the record writes them, up to its count. */
  private SerializedString fragment(Label label) {
    try {
      String object =
          new String(
              labels.writeValueAsBytes(
                  new FacetValue(
                      label.value(), label.code(), label.labelEn(), label.year(), 0, null)),
              StandardCharsets.UTF_8);
      if (!object.endsWith(COUNT_LAST)) {
        throw new IllegalStateException("a facet value no longer ends with its count: " + object);
      }
      return new SerializedString(object.substring(1, object.length() - COUNT_LAST.length()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
