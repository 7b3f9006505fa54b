package clustersearch.search;

import clustersearch.config.AppConfig;
import clustersearch.index.Fields;
import clustersearch.index.IndexLayout;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** The served index and the service over it, opened together and closed in reverse order. */
public record SearchStack(ClusterIndex index, SearchService service) implements Closeable {

  /** Opens the current generation of {@code config}'s index folder, if there is one. */
  public static Optional<SearchStack> open(AppConfig config) throws IOException {
    Optional<ClusterIndex> index =
        ClusterIndex.open(new IndexLayout(config.indexDir()), new Pinyin(config.pinyin()));
    if (index.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = new Fields(config.settings().analysis());
    SearchService service =
        new SearchService(
            index.get(),
            new QueryFactory(fields, config.settings().search(), config.synonyms()),
            fields,
            config.settings().search(),
            config.provinces().order());
    return Optional.of(new SearchStack(index.get(), service));
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
