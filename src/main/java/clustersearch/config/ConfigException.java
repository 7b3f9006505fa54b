package clustersearch.config;

/**
 * A configuration file that is missing, malformed or holds a bad key; the message names the file.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
