package clustersearch.index;

import clustersearch.source.Cluster;
import clustersearch.source.IndustryKnowledge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** Records in, documents out: the one mapping between a {@link Cluster} and its Lucene document. */
public final class ClusterDocuments {
  private static final FacetsConfig FACETS = Fields.facetsConfig();

  private ClusterDocuments() {}

  /**
   * Analyzed text, not stored: documents and term frequencies (BM25 needs no more), without the
   * positions TextField keeps, since no query here is a phrase or span. Writing positions was a
   * sixth of indexing.
   */
  static final FieldType TEXT = text();

  private static FieldType text() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  /** The document of one cluster, facet fields built through {@link FacetsConfig#build}. */
  public static Document toDocument(Cluster c, Fields fields) {
    return toDocument(c, fields, null);
  }

  /**
   * The document of one cluster, its text analysed here through {@code analysed} (each shared
   * value, an industry phrase, places, a recommending unit, once per build); null leaves the
   * analysis to the IndexWriter.
   */
  static Document toDocument(Cluster c, Fields fields, AnalyzedValues analysed) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, c.id(), Field.Store.YES));
    doc.add(new StoredField(Fields.YEAR, c.year()));
    doc.add(new NumericDocValuesField(Fields.YEAR, c.year()));
    doc.add(new StoredField(Fields.SEQ, c.seq()));
    doc.add(new NumericDocValuesField(Fields.SEQ, c.seq()));
    doc.add(new NumericDocValuesField(Fields.PROVINCE_RANK, fields.provinceRank(c.province())));

    doc.add(text(analysed, Fields.INDUSTRY, c.industry(), true));
    doc.add(new StoredField(Fields.INDUSTRY, c.industry()));
    gram(doc, analysed, Fields.INDUSTRY, c.industry(), true);
    doc.add(new StoredField(Fields.NAME, c.name()));
    gram(doc, analysed, Fields.NAME, c.name(), false); // a name is the row's own
    Set<String> places = new LinkedHashSet<>();
    places.add(c.region());
    places.add(c.province());
    if (!c.city().isEmpty()) {
      places.add(c.city());
    }
    String printed = fields.printedPlaceOf(c.name(), c.industry());
    if (!printed.isEmpty()) {
      places.add(printed);
    }
    gram(doc, analysed, Fields.PLACE, String.join(" ", places), true);
    for (String builder : c.builders()) {
      doc.add(new StoredField(Fields.BUILDER, builder));
      gram(doc, analysed, Fields.BUILDER, builder, false);
    }
    doc.add(new StoredField(Fields.RECOMMENDER, c.recommender()));
    gram(doc, analysed, Fields.RECOMMENDER, c.recommender(), true);
    for (String id : conceptTerms(c, fields.knowledge())) {
      doc.add(new StringField(Fields.CONCEPT, id, Field.Store.NO));
    }
    for (String unit : fields.boilerplate()) {
      if (c.name().contains(unit)
          || c.recommender().contains(unit)
          || c.builders().stream().anyMatch(b -> b.contains(unit))) {
        doc.add(new StringField(Fields.UNIT, unit, Field.Store.NO));
      }
    }
    Cluster.English en = c.english();
    doc.add(
        text(
            analysed,
            Fields.ENGLISH,
            String.join(" ", en.nameEn(), en.provinceEn(), en.sectorEn(), en.industryEn()),
            false));

    doc.add(new StoredField(Fields.REGION, c.region()));
    doc.add(new StoredField(Fields.PROVINCE, c.province()));
    doc.add(new StoredField(Fields.BUILDER_TEXT, c.builder()));
    doc.add(new StoredField(Fields.SECTOR, c.sector()));
    doc.add(new StoredField(Fields.CITY, c.city()));
    doc.add(new StoredField(Fields.LIST_TITLE, c.listTitle()));
    doc.add(new StoredField(Fields.CATEGORY, c.category()));
    for (String area : c.areas()) {
      doc.add(new StoredField(Fields.AREAS, area));
      doc.add(new SortedSetDocValuesFacetField(Fields.DIM_AREA, area));
      doc.add(new SortedSetDocValuesFacetField(Fields.DIM_STATS_AREA, area));
    }
    doc.add(new StoredField(Fields.NAME_EN, en.nameEn()));
    doc.add(new StoredField(Fields.PROVINCE_EN, en.provinceEn()));
    doc.add(new StoredField(Fields.SECTOR_EN, en.sectorEn()));
    doc.add(new StoredField(Fields.INDUSTRY_EN, en.industryEn()));

    doc.add(new SortedSetDocValuesFacetField(Fields.DIM_PROVINCE, c.province()));
    doc.add(new SortedSetDocValuesFacetField(Fields.DIM_INDUSTRY, c.sector(), c.industry()));
    doc.add(new SortedSetDocValuesFacetField(Fields.DIM_PROVINCE_SECTOR, c.province(), c.sector()));
    doc.add(new SortedSetDocValuesFacetField(Fields.DIM_YEAR, Integer.toString(c.year())));
    for (String place : places) {
      doc.add(new SortedSetDocValuesFacetField(Fields.DIM_PLACE, place));
    }
    doc.add(new SortedSetDocValuesFacetField(Fields.DIM_NAME, c.name()));
    try {
      return FACETS.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // sorted-set facets need no taxonomy, so no I/O
    }
  }

  /**
   * The concept terms of a cluster: =ID for the concepts its industry phrase (and its sector)
   * names, <ID for every concept above one of them.
   */
  static Set<String> conceptTerms(Cluster c, IndustryKnowledge knowledge) {
    Set<String> named = knowledge.conceptsOfPhrase(c.industry());
    List<String> sector = knowledge.conceptsOf(c.sector());
    Set<String> terms = new LinkedHashSet<>();
    // The classifier's sector is above the phrase's concepts; it is the concept itself only when
    // the phrase names none (a generic phrase says no more than its sector).
    sector.forEach(
        id -> terms.add((named.isEmpty() ? Fields.CONCEPT_IS : Fields.CONCEPT_UNDER) + id));
    for (String id : named) {
      terms.add(Fields.CONCEPT_IS + id);
      for (String above : IndustryKnowledge.ancestors(id)) {
        terms.add(Fields.CONCEPT_UNDER + above);
      }
    }
    return terms;
  }

  /** The cluster a document was built from, read back from its stored fields. */
  public static Cluster fromDocument(Document doc) {
    List<String> builders = Arrays.asList(doc.getValues(Fields.BUILDER));
    return new Cluster(
        doc.get(Fields.ID),
        doc.getField(Fields.YEAR).numericValue().intValue(),
        doc.getField(Fields.SEQ).numericValue().intValue(),
        doc.get(Fields.REGION),
        doc.get(Fields.PROVINCE),
        doc.get(Fields.NAME),
        doc.get(Fields.BUILDER_TEXT),
        builders,
        doc.get(Fields.RECOMMENDER),
        doc.get(Fields.SECTOR),
        doc.get(Fields.INDUSTRY),
        doc.get(Fields.CITY),
        Arrays.asList(doc.getValues(Fields.AREAS)),
        doc.get(Fields.LIST_TITLE),
        doc.get(Fields.CATEGORY),
        new Cluster.English(
            doc.get(Fields.NAME_EN),
            doc.get(Fields.PROVINCE_EN),
            doc.get(Fields.SECTOR_EN),
            doc.get(Fields.INDUSTRY_EN)));
  }

  /** A group's bigram field (bigrams and unigrams at index time). */
  private static void gram(
      Document doc, AnalyzedValues analysed, String group, String value, boolean shared) {
    doc.add(text(analysed, Fields.gram(group), value, shared));
  }

  /** A text field; analysed here through {@code analysed} when given, else by the IndexWriter. */
  private static Field text(AnalyzedValues analysed, String field, String value, boolean shared) {
    return analysed == null
        ? new Field(field, value, TEXT)
        : analysed.field(field, value, TEXT, shared);
  }
}
