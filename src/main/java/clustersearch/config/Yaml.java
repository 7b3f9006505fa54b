package clustersearch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads one YAML file into an immutable record, failing with the file, the key and the line. */
final class Yaml {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Yaml() {}

  /** The dotted path of the key a mapping error is about: server.prot. */
  private static String keyPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": configuration file not found");
    }
    try {
      T value = MAPPER.readValue(file.toFile(), type);
      if (value == null) {
        throw new ConfigException(file + ": the file is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file
              + ": unknown key '"
              + keyPath(e)
              + "' (known keys here: "
              + e.getKnownPropertyIds()
              + ")",
          e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
      throw new ConfigException(file + ": at '" + keyPath(e) + "': " + message, e);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + ":" + line + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
