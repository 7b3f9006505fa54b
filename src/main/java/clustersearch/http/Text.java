package clustersearch.http;

/** Client text echoed in an answer or a log line: cut to a bounded slice, controls escaped. */
final class Text {
  /** The most characters of client text an error message or a log line repeats. */
  static final int MAX_ECHO = 200;

  private Text() {}

  /** {@code text} cut at {@link #MAX_ECHO} characters (marked with …), control characters shown. */
  static String bounded(String text) {
    if (text == null) {
      return "";
    }
    String cut = text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
