package clustersearch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** {@code config/settings.yaml}: server, paths, search and analysis settings, with defaults. */
public record Settings(Server server, Paths paths, Search search, Analysis analysis, Lists lists) {

  public static final String FILE = "settings.yaml";

  public Settings {
    server = Objects.requireNonNullElseGet(server, Server::defaults);
    paths = Objects.requireNonNullElseGet(paths, Paths::defaults);
    search = Objects.requireNonNullElseGet(search, Search::defaults);
    analysis = Objects.requireNonNullElseGet(analysis, Analysis::defaults);
    lists = Objects.requireNonNullElseGet(lists, Lists::defaults);
  }

  /** These settings reading and writing the index at {@code paths}. */
  public Settings withPaths(Paths paths) {
    return new Settings(server, paths, search, analysis, lists);
  }

  /** Every setting at its default. */
  public static Settings defaults() {
    return new Settings(null, null, null, null, null);
  }

  /** Reads {@code settings.yaml} from {@code configDir}. */
  public static Settings load(Path configDir) {
    return Yaml.read(configDir.resolve(FILE), Settings.class);
  }

  /** The HTTP server. */
  public record Server(
      String host,
      Integer port,
      List<String> corsOrigins,
      Integer reloadSeconds,
      Integer threads,
      Integer cacheMaxAgeSeconds,
      Integer responseCacheMegabytes) {
    /** Loopback only, as Elasticsearch does: exposing the server is a decision, not a default. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final int DEFAULT_PORT = 7070;

    /** How long a portal or proxy may reuse a GET answer before revalidating it with its ETag. */
    public static final int DEFAULT_CACHE_MAX_AGE_SECONDS = 60;

    public static final List<String> ANY_ORIGIN = List.of("*");
    public static final int DEFAULT_RELOAD_SECONDS = 2;

    /**
     * Jetty's thread pool. Search is CPU-bound: on a 2-core machine more threads only queue for the
     * cores and switch contexts, which shows in the tail latency.
     */
    public static final int DEFAULT_THREADS = 16;

    /** Answers of the GET API kept in memory (0: no response cache). */
    public static final int DEFAULT_RESPONSE_CACHE_MEGABYTES = 16;

    public Server {
      host = Objects.requireNonNullElse(host, DEFAULT_HOST);
      port = Objects.requireNonNullElse(port, DEFAULT_PORT);
      cacheMaxAgeSeconds =
          Objects.requireNonNullElse(cacheMaxAgeSeconds, DEFAULT_CACHE_MAX_AGE_SECONDS);
      if (cacheMaxAgeSeconds < 0) {
        throw new IllegalArgumentException("server.cacheMaxAgeSeconds must be 0 or more");
      }
      corsOrigins = List.copyOf(Objects.requireNonNullElse(corsOrigins, ANY_ORIGIN));
      reloadSeconds = Objects.requireNonNullElse(reloadSeconds, DEFAULT_RELOAD_SECONDS);
      responseCacheMegabytes =
          Objects.requireNonNullElse(responseCacheMegabytes, DEFAULT_RESPONSE_CACHE_MEGABYTES);
      if (responseCacheMegabytes < 0 || responseCacheMegabytes > 1024) {
        throw new IllegalArgumentException("server.responseCacheMegabytes must be 0..1024");
      }
      threads = Objects.requireNonNullElse(threads, DEFAULT_THREADS);
      if (threads < 8 || threads > 1000) {
        throw new IllegalArgumentException(
            "server.threads must be 8..1000 (Jetty keeps some for accepting and selecting)");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("server.port must be 0..65535, got " + port);
      }
      if (reloadSeconds < 1) {
        throw new IllegalArgumentException("server.reloadSeconds must be at least 1");
      }
    }

    static Server defaults() {
      return new Server(null, null, null, null, null, null, null);
    }

    /** True when any origin may call the API. */
    public boolean anyOrigin() {
      return corsOrigins.contains("*");
    }
  }

  /** Where the source lists are read and the index is written, relative to the project folder. */
  public record Paths(String data, String index) {
    public static final String DEFAULT_DATA = "data";
    public static final String DEFAULT_INDEX = "index";

    public Paths {
      data = Objects.requireNonNullElse(data, DEFAULT_DATA);
      index = Objects.requireNonNullElse(index, DEFAULT_INDEX);
    }

    static Paths defaults() {
      return new Paths(null, null);
    }
  }

  /**
   * Paging and the limits of one request; the ranking weights are in {@code weights.yaml}.
   *
   * @param maxQueryTerms terms taken from one query; the rest is ignored, so no text can overflow
   * @param maxQueryLength characters of query text read; the rest is ignored, so a huge text costs
   *     no more CPU or cache memory than a long one
   * @param maxExplainSize hits one request may ask explained (explain=true): an explanation is a
   *     second scoring of the hit and kilobytes of JSON, so more is a 400
   * @param maxFilterValues distinct values one filter dimension may hold; more is a 400, so no
   *     request can overflow Lucene's clause limit
   */
  public record Search(
      Integer defaultSize,
      Integer maxSize,
      Integer maxResultWindow,
      Integer facetSize,
      Integer maxQueryTerms,
      Integer maxQueryLength,
      Integer maxExplainSize,
      Integer maxFilterValues) {
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    public static final int MAX_RESULT_WINDOW = 10_000;
    public static final int FACET_SIZE = 10;
    public static final int MAX_QUERY_TERMS = 32;
    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_EXPLAIN_SIZE = 10;
    public static final int MAX_FILTER_VALUES = 64;

    public Search {
      defaultSize = Objects.requireNonNullElse(defaultSize, DEFAULT_SIZE);
      maxSize = Objects.requireNonNullElse(maxSize, MAX_SIZE);
      maxResultWindow = Objects.requireNonNullElse(maxResultWindow, MAX_RESULT_WINDOW);
      facetSize = Objects.requireNonNullElse(facetSize, FACET_SIZE);
      maxQueryTerms = Objects.requireNonNullElse(maxQueryTerms, MAX_QUERY_TERMS);
      maxQueryLength = Objects.requireNonNullElse(maxQueryLength, MAX_QUERY_LENGTH);
      if (maxQueryLength < 1 || maxQueryLength > 10_000) {
        throw new IllegalArgumentException("search.maxQueryLength must be 1..10000");
      }
      maxExplainSize = Objects.requireNonNullElse(maxExplainSize, MAX_EXPLAIN_SIZE);
      if (maxExplainSize < 1 || maxExplainSize > maxSize) {
        throw new IllegalArgumentException("search.maxExplainSize must be 1..search.maxSize");
      }
      maxFilterValues = Objects.requireNonNullElse(maxFilterValues, MAX_FILTER_VALUES);
      if (maxFilterValues < 1 || maxFilterValues > 512) {
        throw new IllegalArgumentException(
            "search.maxFilterValues must be 1..512 (two dimensions stay below Lucene's 1,024"
                + " clauses)");
      }
      if (defaultSize < 1 || defaultSize > maxSize) {
        throw new IllegalArgumentException("search.defaultSize must be 1..search.maxSize");
      }
      if (maxQueryTerms < 1 || maxQueryTerms > 64) {
        throw new IllegalArgumentException("search.maxQueryTerms must be 1..64");
      }
    }

    static Search defaults() {
      return new Search(null, null, null, null, null, null, null, null);
    }
  }

  /**
   * Analysis shared by indexing and querying; changing it needs a reindex.
   *
   * @param boilerplate phrases every name or builder carries (创新型产业集群, 高新区, 管委会): structure, not
   *     matching text, so they are blanked out before tokenizing, on both sides
   */
  public record Analysis(List<String> boilerplate) {
    public static final List<String> BOILERPLATE = List.of("创新型产业集群", "高新区", "管委会", "科技厅", "科技局");

    public Analysis {
      boilerplate = List.copyOf(Objects.requireNonNullElse(boilerplate, BOILERPLATE));
    }

    static Analysis defaults() {
      return new Analysis(null);
    }
  }

  /**
   * What one list file may hold, checked while it is read, so that no file (a PDF of millions of
   * drawing operations, a sheet of 400,000 rows) can exhaust the memory of the indexer or of the
   * server's reindex. The published lists are far below every limit (the 2021 list: 43 rows, 3
   * pages); a synthetic list for a scale run raises them in its own settings.
   *
   * @param maxBytes bytes of one list file
   * @param maxRows rows of one list (counted before a spreadsheet is loaded)
   * @param maxPages pages of one PDF list
   * @param maxPdfOperations content-stream operations (text, drawing) of one PDF list, all pages
   */
  public record Lists(Long maxBytes, Integer maxRows, Integer maxPages, Integer maxPdfOperations) {
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_PAGES = 200;
    public static final int MAX_PDF_OPERATIONS = 500_000;

    public Lists {
      maxBytes = Objects.requireNonNullElse(maxBytes, MAX_BYTES);
      maxRows = Objects.requireNonNullElse(maxRows, MAX_ROWS);
      maxPages = Objects.requireNonNullElse(maxPages, MAX_PAGES);
      maxPdfOperations = Objects.requireNonNullElse(maxPdfOperations, MAX_PDF_OPERATIONS);
      if (maxBytes < 1 || maxRows < 1 || maxPages < 1 || maxPdfOperations < 1) {
        throw new IllegalArgumentException("every lists.* limit must be 1 or more");
      }
    }

    public static Lists defaults() {
      return new Lists(null, null, null, null);
    }
  }
}
