package clustersearch.http;

import clustersearch.source.EditDistance;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Requests are read as written or refused, as Elasticsearch does: a parameter an endpoint does not
 * know ({@code provnce=山东}) is a 400 {@code unknown_parameter} naming the closest known one, and a
 * malformed percent-escape anywhere in the query string ({@code province=%zz}) a 400 {@code
 * bad_request}: both used to vanish, and the answer covered every cluster without a warning. The
 * known parameters of each route are those {@code openapi.json} declares, so the contract and the
 * server cannot drift apart.
 */
final class StrictParameters {
  /** Query parameter names by route template ("/api/search"). */
  private final Map<String, Set<String>> known = new HashMap<>();

  StrictParameters(String openapi) {
    try {
      JsonNode doc = Json.MAPPER.readTree(openapi);
      doc.path("paths")
          .fields()
          .forEachRemaining(
              path -> {
                Set<String> names = new TreeSet<>();
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          for (JsonNode p : op.getValue().path("parameters")) {
                            JsonNode param = resolve(doc, p);
                            if (param.path("in").asText().equals("query")) {
                              names.add(param.path("name").asText());
                            }
                          }
                        });
                known.put(path.getKey(), names);
              });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("openapi.json does not parse", e);
    }
  }

  private static JsonNode resolve(JsonNode doc, JsonNode p) {
    String ref = p.path("$ref").asText("");
    return ref.startsWith("#/") ? doc.at(ref.substring(1)) : p;
  }

  /** The query parameters {@code route} declares; empty for an undeclared route. */
  Set<String> known(String route) {
    return known.getOrDefault(route, Set.of());
  }

  /**
   * Refuses a request to {@code route} whose query string holds a malformed escape or a parameter
   * the route does not declare.
   */
  void check(String route, Context ctx) {
    String raw = ctx.queryString();
    if (raw == null || raw.isEmpty()) {
      return;
    }
    Set<String> names = known(route);
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (eq >= 0) {
        decode(pair.substring(eq + 1));
      }
      if (!names.contains(name)) {
        throw new ApiException(400, "unknown_parameter", unknown(route, name, names));
      }
    }
  }

  private static String unknown(String route, String name, Set<String> names) {
    String message = "Unknown parameter '" + Text.bounded(name) + "' for " + route;
    if (names.isEmpty()) {
      return message + ", which takes no parameters";
    }
    String closest =
        names.stream()
            .min(Comparator.comparingInt(n -> EditDistance.between(n, name)))
            .orElseThrow();
    return EditDistance.between(closest, name) <= Math.max(1, closest.length() / 3)
        ? message + "; did you mean '" + closest + "'?"
        : message + "; it takes " + String.join(", ", names);
  }

  /** {@code text} with its escapes decoded, or a 400 when one is malformed or not UTF-8. */
  static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
        if (lo < 0) {
          throw malformed(
              text,
              "'"
                  + Text.bounded(text.substring(i, Math.min(text.length(), i + 3)))
                  + "' is not a percent-escape");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        byte[] b = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i = end - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed(text, "its escapes are not UTF-8");
    }
  }

  private static ApiException malformed(String text, String why) {
    return new ApiException(
        400,
        "bad_request",
        "The query string is malformed at '" + Text.bounded(text) + "': " + why);
  }
}
