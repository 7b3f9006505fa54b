package clustersearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** {@code config/understanding.yaml}: the question and filler words a query drops. */
public record Understanding(List<String> fillers, List<String> englishFillers) {

  public static final String FILE = "understanding.yaml";

  public Understanding {
    fillers = List.copyOf(Objects.requireNonNullElse(fillers, List.of()));
    englishFillers = List.copyOf(Objects.requireNonNullElse(englishFillers, List.of()));
  }

  public static Understanding load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Understanding.class);
  }
}
