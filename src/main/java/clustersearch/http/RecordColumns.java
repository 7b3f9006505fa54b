package clustersearch.http;

import clustersearch.source.Cluster;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of a record export, with Chinese headers, shared by the CSV and the XLSX (the JSON
 * export keeps the API's keys).
 */
final class RecordColumns {
  /** One column: its header and its value of a cluster. */
  record Column(String header, Function<Cluster, Object> value) {}

  static final List<Column> ALL =
      List.of(
          new Column("编号", Cluster::id),
          new Column("年份", Cluster::year),
          new Column("序号", Cluster::seq),
          new Column("地区", Cluster::region),
          new Column("省份", Cluster::province),
          new Column("城市", Cluster::city),
          new Column("集群名称", Cluster::name),
          new Column("建设单位", Cluster::builder),
          new Column("推荐单位", Cluster::recommender),
          new Column("产业门类", Cluster::sector),
          new Column("产业", Cluster::industry),
          new Column("区域", c -> String.join("、", c.areas())),
          new Column("英文名称", c -> c.english().nameEn()),
          new Column("名单", Cluster::listTitle),
          new Column("类别", Cluster::category));

  private RecordColumns() {}
}
