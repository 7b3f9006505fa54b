package clustersearch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * One line for a failed file operation, for a person: which file (within the project folder, never
 * the host's paths) and why, in words ("index/build.lock: read-only file system") rather than the
 * bare path an {@link AccessDeniedException} carries as its message.
 */
public final class IoErrors {
  private IoErrors() {}

  /** What went wrong, with paths shown relative to {@code home}. */
  public static String describe(Throwable e, Path home) {
    Throwable cause =
        e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    String text;
    if (cause instanceof FileSystemException fs && fs.getFile() != null) {
      text = fs.getFile() + ": " + reason(fs);
    } else {
      text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
    text = relative(text, home);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** Why a file operation failed, in words. */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return lowerFirst(fs.getReason());
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : lowerFirst(e.getMessage());
  }

  /** "Input/output error" → "input/output error", as the reason inside a sentence. */
  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code text} with the absolute paths under {@code home} made relative to it. */
  public static String relative(String text, Path home) {
    String root = home.toAbsolutePath().normalize().toString();
    return text.replace(root + "/", "").replace(root, ".");
  }
}
