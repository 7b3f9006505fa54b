package clustersearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.flexible.core.QueryNodeParseException;
import org.apache.lucene.queryparser.flexible.core.nodes.BooleanQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.BoostQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.FieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.FuzzyQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.GroupQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.ModifierQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.QuotedFieldQueryNode;
import org.apache.lucene.queryparser.flexible.core.nodes.SlopQueryNode;
import org.apache.lucene.queryparser.flexible.standard.parser.StandardSyntaxParser;

/**
 * The power-user syntax, parsed by Lucene's standard query parser into clauses the planner reads:
 * quotes for an exact phrase ({@code "生物医药"}), {@code -} to exclude ({@code 生物医药 -山东}), {@code OR}
 * (the default anyway), and field prefixes on an allow-list ({@code province:山东 builder:管委会}). Text
 * without any of them is not parsed at all; syntax that does not parse (an unclosed quote) falls
 * back to plain text, never an error.
 */
final class QuerySyntax {
  /** The fields a prefix may name. */
  static final Set<String> FIELDS =
      Set.of("province", "city", "area", "industry", "sector", "builder", "recommender", "name");

  private static final String TEXT = "_text";

  private static final Pattern HAS_SYNTAX =
      Pattern.compile(
          "\"|(^|\\s)[-+]\\S|\\s(OR|AND|NOT)\\s|(^|\\s)(" + String.join("|", FIELDS) + "):\\S");

  private QuerySyntax() {}

  /**
   * One clause of the syntax.
   *
   * @param field a field of {@link #FIELDS}, or null for the query text
   * @param phrase quoted: searched as typed, no other reading
   * @param excluded prefixed with - (or NOT): its clusters are left out
   */
  record Clause(String field, String value, boolean phrase, boolean excluded) {}

  /**
   * The clauses of {@code text}, or empty when it holds no syntax or does not parse (then it is
   * plain text). Plain words are clauses with no field, in order.
   */
  static Optional<List<Clause>> parse(String text) {
    if (!HAS_SYNTAX.matcher(text).find()) {
      return Optional.empty();
    }
    try {
      QueryNode root = new StandardSyntaxParser().parse(text, TEXT);
      List<Clause> out = new ArrayList<>();
      return walk(root, false, out) ? Optional.of(List.copyOf(out)) : Optional.empty();
    } catch (QueryNodeParseException | RuntimeException e) {
      return Optional.empty(); // malformed syntax is plain text, never an error
    }
  }

  /** False when the tree holds a node this syntax does not offer (ranges, regexps). */
  private static boolean walk(QueryNode node, boolean excluded, List<Clause> out) {
    if (node instanceof ModifierQueryNode m) {
      boolean not = m.getModifier() == ModifierQueryNode.Modifier.MOD_NOT;
      return walk(m.getChild(), excluded || not, out);
    }
    if (node instanceof GroupQueryNode g) {
      return walk(g.getChild(), excluded, out);
    }
    if (node instanceof BoostQueryNode b) {
      return walk(b.getChild(), excluded, out);
    }
    if (node instanceof SlopQueryNode s) {
      return walk(s.getChild(), excluded, out);
    }
    if (node instanceof FuzzyQueryNode f) {
      return add(f.getFieldAsString(), f.getTextAsString(), false, excluded, out);
    }
    if (node instanceof QuotedFieldQueryNode q) {
      return add(q.getFieldAsString(), q.getTextAsString(), true, excluded, out);
    }
    if (node instanceof FieldQueryNode f && node.getClass() == FieldQueryNode.class) {
      return add(f.getFieldAsString(), f.getTextAsString(), false, excluded, out);
    }
    if (node instanceof BooleanQueryNode b) { // AND, OR and plain sequences
      for (QueryNode child : b.getChildren()) {
        if (!walk(child, excluded, out)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean add(
      String field, String value, boolean phrase, boolean excluded, List<Clause> out) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String f = field == null ? TEXT : field.toLowerCase(Locale.ROOT);
    if (f.equals(TEXT)) {
      out.add(new Clause(null, value, phrase, excluded));
      return true;
    }
    if (!FIELDS.contains(f)) {
      // An unknown prefix (http:, a:b) is text, as typed.
      out.add(new Clause(null, field + ":" + value, phrase, excluded));
      return true;
    }
    out.add(new Clause(f, value, phrase, excluded));
    return true;
  }
}
