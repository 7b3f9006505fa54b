package clustersearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * README.md as a Markdown reader renders it (CommonMark): an unclosed code fence once swallowed the
 * whole "HTTP API" section, and an empty code block followed the index example (issue 18).
 */
class ReadmeTest {
  @Test
  void everySectionSurvivesRenderingAndNoCodeBlockIsEmptyOrSwallowsOne() throws Exception {
    String markdown = Files.readString(Path.of("README.md"));
    Node document = Parser.builder().build().parse(markdown);
    List<String> headings = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            StringBuilder text = new StringBuilder();
            for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
              if (n instanceof Text t) {
                text.append(t.getLiteral());
              }
            }
            headings.add(text.toString());
          }

          @Override
          public void visit(FencedCodeBlock block) {
            blocks.add(block.getLiteral());
          }
        });
    // The headings a person sees in the source, outside code: each must be a heading rendered.
    List<String> written = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && line.matches("#{1,4} \\S.*")) {
        written.add(line.replaceFirst("#+ ", ""));
      }
    }

    assertThat(inFence).as("a code fence left open at the end").isFalse();
    assertThat(headings).contains("HTTP API", "Release and systemd");
    assertThat(headings.size()).isEqualTo(written.size());
    assertThat(blocks).as("code blocks").allSatisfy(b -> assertThat(b).isNotBlank());
    assertThat(blocks)
        .as("code blocks holding a section heading")
        .noneMatch(b -> b.lines().anyMatch(l -> l.matches("#{2,4} [A-Z`].*")));
  }
}
