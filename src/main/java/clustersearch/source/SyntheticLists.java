package clustersearch.source;

import clustersearch.config.AppConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Synthetic lists for scale runs ({@code cluster-search generate}): text lists in the published
 * format, one file per year, whose rows are made of the real vocabulary — regions and their cities
 * (config/places.yaml), zone words, and the industry phrases of config/glossary.yaml — so they
 * parse, classify, index and search like real ones. Deterministic for a seed.
 */
public final class SyntheticLists {
  private static final List<String> ZONES = List.of("高新区", "经开区", "科学城", "高新区", "高新区");

  private SyntheticLists() {}

  /** One file written: its path and its rows. */
  public record Written(Path file, int year, int rows) {}

  /**
   * Writes {@code count} rows spread over {@code years} lists (the first years take the remainder)
   * into {@code out}, as {@code clusters-YEAR.txt}.
   */
  public static List<Written> write(
      AppConfig config, int count, List<Integer> years, long seed, Path out) throws IOException {
    if (count < 1 || years.isEmpty()) {
      throw new IllegalArgumentException("count must be at least 1 and years not empty");
    }
    Files.createDirectories(out);
    List<String[]> cities = new ArrayList<>(); // city, province
    for (Map.Entry<String, String> e :
        new java.util.TreeMap<>(config.places().cities()).entrySet()) {
      cities.add(new String[] {e.getKey(), e.getValue()});
    }
    List<String> industries =
        new ArrayList<>(new TreeSet<>(config.glossary().industries().keySet()));
    Map<String, clustersearch.config.Places.ProvinceNames> provinces = config.places().provinces();
    String suffix = config.industries().suffix();
    SplittableRandom random = new SplittableRandom(seed);
    List<Written> written = new ArrayList<>();
    int per = count / years.size();
    int extra = count % years.size();
    for (int y = 0; y < years.size(); y++) {
      int year = years.get(y);
      int rows = per + (y < extra ? 1 : 0);
      if (rows == 0) {
        continue;
      }
      Path file = out.resolve("clusters-" + year + ".txt");
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write("附件\n" + year + "年度创新型产业集群名单（合成数据，用于规模测试）\n\n");
        w.write("\t序号\n\t地区\n\t集群名称\n\t建设单位\n\t推荐单位\n\n");
        String previousProvince = null;
        for (int seq = 1; seq <= rows; seq++) {
          String[] city = cities.get(random.nextInt(cities.size()));
          String zone = ZONES.get(random.nextInt(ZONES.size()));
          String industry = industries.get(random.nextInt(industries.size()));
          String province = city[1];
          String full = provinces.containsKey(province) ? provinces.get(province).full() : province;
          // A blank 地区 and 推荐单位 repeat the row above, as merged cells print.
          boolean same = province.equals(previousProvince);
          w.write("\t" + seq + "\n");
          w.write("\t" + (same ? "" : province) + "\n");
          w.write("\t" + city[0] + zone + industry + suffix + "\n");
          w.write("\t" + city[0] + zone + "管委会\n");
          w.write("\t" + (same ? "" : full + "科技厅") + "\n\n");
          previousProvince = province;
        }
      }
      written.add(new Written(file, year, rows));
    }
    return written;
  }
}
