package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.index.Fields;
import clustersearch.index.IndexLayout;
import clustersearch.source.Gazetteer;
import clustersearch.source.Pinyin;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** The served index and the service over it, opened together and closed in reverse order. */
public record SearchStack(ClusterIndex index, SearchService service) implements Closeable {

  /** Opens the newest intact generation of {@code config}'s index folder, if there is one. */
  public static Optional<SearchStack> open(AppConfig config) throws IOException {
    SearchStack stack = create(config);
    if (!stack.index().openNewestIntact()) {
      stack.close();
      return Optional.empty();
    }
    return Optional.of(stack);
  }

  /**
   * The stack with no generation open yet, for a server that answers (not ready) while it opens or
   * builds the index: {@code index().openNewestIntact()} then serves.
   */
  public static SearchStack create(AppConfig config) {
    Fields fields = Fields.of(config);
    ClusterIndex index =
        ClusterIndex.create(
            new IndexLayout(config.indexDir()), new Pinyin(config.pinyin()), fields.stamp());
    Gazetteer gazetteer = Gazetteer.of(config);
    SearchService service =
        new SearchService(
            index,
            new QueryFactory(fields, config, gazetteer),
            fields,
            config.settings().search(),
            config.provinces().order(),
            gazetteer,
            config.weights(),
            new FacetCodes(config, gazetteer));
    return new SearchStack(index, service);
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
