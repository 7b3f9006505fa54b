package clustersearch.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One cluster of a published list, parsed and classified: what the index stores and the API
 * returns.
 *
 * @param id stable identifier, year and list number: "2021-19"
 * @param year the list's year, from its title
 * @param seq the list number (序号), also the tie-breaker of every ranking
 * @param region 地区 as printed (宁波, not 浙江)
 * @param province the province-level division in short form (浙江 for 宁波)
 * @param name 集群名称 as printed, trailing spaces removed
 * @param builder 建设单位 as printed, wrapped lines joined
 * @param builders the builder units, split on 、
 * @param recommender 推荐单位, with merged cells filled from the row above
 * @param sector top-level category of 战略性新兴产业分类（2018）, or 其他
 * @param industry the industry phrase of the name, without place, zone and suffix
 * @param city the city of the name or builder (淄博; 廊坊 for 燕郊), or empty when none is known
 * @param areas the NBS region and the strategic areas the cluster lies in (东部, 长三角 …)
 * @param listTitle the title of the list the cluster was published in, as printed ("" when its file
 *     had none)
 * @param category 试点, 培育 or 试点（培育） as the list's title says, or "" for a plain list
 * @param english the English names, flattened into the record's JSON
 */
public record Cluster(
    String id,
    int year,
    int seq,
    String region,
    String province,
    String name,
    String builder,
    List<String> builders,
    String recommender,
    String sector,
    String industry,
    String city,
    List<String> areas,
    String listTitle,
    String category,
    @JsonUnwrapped English english) {

  public Cluster {
    builders = List.copyOf(builders);
    areas = List.copyOf(areas);
  }

  /** The English names: of the cluster, its province, sector and industry. */
  public record English(String nameEn, String provinceEn, String sectorEn, String industryEn) {}

  /** The identifier a cluster of {@code year} with list number {@code seq} gets. */
  public static String idOf(int year, int seq) {
    return year + "-" + seq;
  }
}
