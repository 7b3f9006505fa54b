package clustersearch.search;

import java.util.List;

/**
 * What a query was understood to ask: the places and areas it names, the sectors and industry
 * phrases it holds, and the terms left to search. The search page shows it as chips.
 *
 * @param terms the parts searched as text, after places and filler words were taken out
 * @param dropped the question and filler words left out (有哪些, 集群)
 */
public record Understood(
    List<String> province,
    List<String> city,
    List<String> area,
    List<String> sector,
    List<String> industry,
    List<String> terms,
    List<String> dropped) {

  public static final Understood NOTHING =
      new Understood(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
}
