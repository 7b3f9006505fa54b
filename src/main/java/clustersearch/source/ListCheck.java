package clustersearch.source;

import clustersearch.config.IndustryRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and classifies a list without indexing it, for {@code index --check}: what was read, and
 * everything an operator should look at before adding it, each with where it is.
 */
public final class ListCheck {
  private ListCheck() {}

  /** Something worth a look, and where it is. */
  public record Anomaly(Location at, String what) {}

  /**
   * What checking one file found.
   *
   * @param document the list read, or null when it could not be read
   * @param error why it could not be read or classified, or null
   * @param clusters the classified clusters (those whose province was recognised)
   * @param other the clusters classified as 其他
   * @param unrecognised rows whose 地区 names no known province, with where they are
   * @param anomalies everything else worth a look
   */
  public record Result(
      Path file,
      ListDocument document,
      String error,
      List<Cluster> clusters,
      List<Anomaly> other,
      List<Anomaly> unrecognised,
      List<Anomaly> anomalies) {

    /** True when the file cannot be added as it is. */
    public boolean failed() {
      return error != null || !unrecognised.isEmpty();
    }
  }

  /** Checks {@code file}, read with {@code options}. */
  public static Result check(Path file, ReadOptions options, Classifier classifier)
      throws IOException {
    ListDocument document;
    try {
      document = ListReaders.read(file, options);
    } catch (ListFormatException e) {
      return new Result(file, null, e.getMessage(), List.of(), List.of(), List.of(), List.of());
    }
    List<Cluster> clusters = new ArrayList<>();
    List<Anomaly> other = new ArrayList<>();
    List<Anomaly> unrecognised = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    Map<String, Location> names = new HashMap<>();
    for (ListRow row : document.rows()) {
      Location earlier = names.putIfAbsent(row.name(), row.at());
      if (earlier != null) {
        anomalies.add(new Anomaly(row.at(), "集群名称 repeats the row at " + earlier));
      }
      if (!row.name().endsWith("集群")) {
        anomalies.add(new Anomaly(row.at(), "集群名称 \"" + row.name() + "\" does not end in 集群"));
      }
      Cluster cluster;
      try {
        cluster = classifier.classify(document, row);
      } catch (ListFormatException e) {
        unrecognised.add(
            new Anomaly(row.at(), "地区 \"" + row.region() + "\" names no known province"));
        continue;
      }
      clusters.add(cluster);
      if (IndustryRules.OTHER.equals(cluster.sector())) {
        other.add(
            new Anomaly(row.at(), cluster.name() + " (industry " + cluster.industry() + ") is 其他"));
      }
      if (cluster.city().isEmpty()) {
        anomalies.add(
            new Anomaly(row.at(), "no city known for " + cluster.name() + " (config/places.yaml)"));
      }
      if (!classifier.translates(cluster.industry())) {
        anomalies.add(
            new Anomaly(
                row.at(),
                "no English name for the industry "
                    + cluster.industry()
                    + " (config/glossary.yaml; pinyin is used)"));
      }
    }
    return new Result(file, document, null, clusters, other, unrecognised, anomalies);
  }
}
