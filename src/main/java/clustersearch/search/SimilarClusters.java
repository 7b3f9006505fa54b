package clustersearch.search;

import clustersearch.config.Weights;
import clustersearch.index.Fields;
import clustersearch.source.Cluster;
import clustersearch.source.IndustryKnowledge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * A cluster's related clusters, for its page: the same industry phrase first, then one phrase
 * inside the other (生物医药 in 生物医药与生物医学工程), then a shared concept of the knowledge base
 * (淄博生物医药与生物医学工程 and 新乡生物医药 share 4.1 生物医药产业), then the same sector, then the same province; each
 * reason's weight is in weights.yaml ({@code similar}), ties in list order.
 */
final class SimilarClusters {
  private static final FacetsConfig FACETS = Fields.facetsConfig();

  /** Why two clusters are related, best first. */
  enum Reason {
    INDUSTRY("industry"),
    INDUSTRY_WORDS("industryWords"),
    CONCEPT("concept"),
    SECTOR("sector"),
    PROVINCE("province");

    final String json;

    Reason(String json) {
      this.json = json;
    }
  }

  private final Weights weights;
  private final IndustryKnowledge knowledge;
  private final Sort ranking;

  SimilarClusters(Weights weights, IndustryKnowledge knowledge, Sort ranking) {
    this.weights = weights;
    this.knowledge = knowledge;
    this.ranking = ranking;
  }

  /** The clusters related to {@code c} in {@code lease}'s reader, at most {@code size}. */
  List<SearchResult.Related> of(Cluster c, ClusterIndex.Lease lease, int size) throws IOException {
    IndexSearcher searcher = lease.searcher();
    String industryField = FACETS.getDimConfig(Fields.DIM_INDUSTRY).indexFieldName;
    String provinceField = FACETS.getDimConfig(Fields.DIM_PROVINCE).indexFieldName;
    Set<String> concepts = knowledge.conceptsOfPhrase(c.industry());
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(
        reason(
            new TermQuery(
                DrillDownQuery.term(industryField, Fields.DIM_INDUSTRY, c.sector(), c.industry())),
            weights.similar(Reason.INDUSTRY.json)),
        Occur.SHOULD);
    // An industry phrase inside this one's, or this one inside it (生物医药 and 生物医药与生物医学工程).
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    int inside = 0;
    for (Vocabulary.Entry e : lease.vocabulary().phrases()) {
      if (e.kind().equals("industry")
          && !e.text().equals(c.industry())
          && e.text().length() > 1
          && (c.industry().contains(e.text()) || e.text().contains(c.industry()))
          && inside < BooleanQuery.getMaxClauseCount() / 2) {
        words.add(new TermQuery(e.term()), Occur.SHOULD);
        inside++;
      }
    }
    if (inside > 0) {
      q.add(reason(words.build(), weights.similar(Reason.INDUSTRY_WORDS.json)), Occur.SHOULD);
    }
    if (!concepts.isEmpty()) {
      // The same concept weighs more than one below it (生物医药 before 细胞产业 for 淄博).
      BooleanQuery.Builder same = new BooleanQuery.Builder();
      BooleanQuery.Builder below = new BooleanQuery.Builder();
      for (String id : concepts) {
        same.add(new TermQuery(Schema.conceptIs(id)), Occur.SHOULD);
        below.add(new TermQuery(Schema.conceptUnder(id)), Occur.SHOULD);
      }
      q.add(reason(same.build(), weights.similar(Reason.CONCEPT.json)), Occur.SHOULD);
      q.add(reason(below.build(), weights.similar("narrowerConcept")), Occur.SHOULD);
    }
    q.add(
        reason(
            new TermQuery(DrillDownQuery.term(industryField, Fields.DIM_INDUSTRY, c.sector())),
            weights.similar(Reason.SECTOR.json)),
        Occur.SHOULD);
    q.add(
        reason(
            new TermQuery(DrillDownQuery.term(provinceField, Fields.DIM_PROVINCE, c.province())),
            weights.similar(Reason.PROVINCE.json)),
        Occur.SHOULD);
    q.add(new TermQuery(new Term(Fields.ID, c.id())), Occur.MUST_NOT);
    TopDocs top = searcher.search(q.build(), size, ranking);
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Related> related = new ArrayList<>();
    for (ScoreDoc doc : top.scoreDocs) {
      Cluster other = lease.cluster(doc.doc, stored);
      List<String> reasons = new ArrayList<>();
      if (other.industry().equals(c.industry())) {
        reasons.add(Reason.INDUSTRY.json);
      } else if (other.industry().contains(c.industry())
          || c.industry().contains(other.industry())) {
        reasons.add(Reason.INDUSTRY_WORDS.json);
      }
      if (!other.industry().equals(c.industry()) && sharesConcept(concepts, other)) {
        reasons.add(Reason.CONCEPT.json);
      }
      if (other.sector().equals(c.sector())) {
        reasons.add(Reason.SECTOR.json);
      }
      if (other.province().equals(c.province())) {
        reasons.add(Reason.PROVINCE.json);
      }
      related.add(new SearchResult.Related(other, reasons));
    }
    return related;
  }

  /** True when {@code other}'s phrase names one of the concepts or one below them. */
  private boolean sharesConcept(Set<String> concepts, Cluster other) {
    for (String id : knowledge.conceptsOfPhrase(other.industry())) {
      if (concepts.contains(id)
          || IndustryKnowledge.ancestors(id).stream().anyMatch(concepts::contains)) {
        return true;
      }
    }
    return false;
  }

  /** The constant weight of one reason two clusters are related. */
  private static Query reason(Query clusters, float weight) {
    return new BoostQuery(new ConstantScoreQuery(clusters), weight);
  }
}
