package clustersearch.source;

import clustersearch.config.AppConfig;
import clustersearch.config.Divisions;
import clustersearch.config.Places;
import clustersearch.config.Provinces;
import clustersearch.config.Regions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places of the lists and how people name them (config/places.yaml, regions.yaml): provinces by
 * any of their names (山东, 山东省, 鲁, Shandong, shandong), cities, places below a city, the NBS regions
 * and strategic areas. The one place that finds a cluster's city and areas, and that reads a place
 * name as an entity in a query or a filter value.
 */
public final class Gazetteer {
  /** What a name denotes. */
  public enum Kind {
    PROVINCE,
    CITY,
    AREA
  }

  /** A name found: what it denotes (the canonical form) and of which kind. */
  public record Entity(Kind kind, String value) {}

  private final Provinces provinces;
  private final Places places;
  private final Regions regions;
  private final Pinyin pinyin;

  /** The county-level divisions of divisions.tsv the gazetteer reads, and their city (昆山 → 苏州). */
  private final Map<String, String> countyCity;

  /** Names of county-level divisions too common as words to read as places. */
  private static final Set<String> COMMON_WORDS =
      Set.of(
          "城区", "郊区", "矿区", "新区", "东区", "西区", "南区", "北区", "中区", "新城", "城中", "城关", "开发", "高新", "经开",
          "东方", "和平", "平安", "新华", "光明", "太平", "白云", "长安");

  /**
   * The county-level divisions a query may name, by short name, each with the city (prefecture, or
   * municipality) it lies in: only names of two characters or more, of one division alone (朝阳 is a
   * district of 北京 and a city of 辽宁, so neither), that are no name already and no common word, and
   * whose city the gazetteer knows.
   */
  private static Map<String, String> counties(
      Divisions divisions, Places places, Provinces provinces) {
    Map<String, Integer> seen = new HashMap<>();
    for (Divisions.Division d : divisions.divisions()) {
      seen.merge(d.shortName(), 1, Integer::sum);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Divisions.Division d : divisions.divisions()) {
      String name = d.shortName();
      String city = d.prefecture();
      boolean knownCity = places.cities().containsKey(city) || isMunicipality(city);
      if (name.length() >= 2
          && seen.get(name) == 1
          && knownCity
          && !COMMON_WORDS.contains(name)
          && !places.provinces().containsKey(name)
          && !places.within().containsKey(name)) {
        out.put(name, city);
      }
    }
    return out;
  }

  /** What an ambiguous nickname also denotes (江城: 武汉, and 吉林 too). */
  private final Map<String, List<Entity>> alsoMeans = new HashMap<>();

  /** Every name, lower-cased, and what it denotes; longest names first for matching. */
  private final Map<String, Entity> names = new LinkedHashMap<>();

  /** Names a query may hold inside longer text (no one-character abbreviations). */
  private final List<String> inText;

  /** Names of places a cluster name may start with (two characters or more). */
  private final WordIndex placeNames;

  /** Development-zone words. */
  private final WordIndex zones;

  /** Cities and places below a city, for a cluster's city. */
  private final WordIndex cityNames;

  /** The Chinese names of {@link #inText}, for reading a name's place into English. */
  private final WordIndex hanNames;

  /** The most characters of an unknown place read before a zone word (岳阳临港高新区: 临港). */
  private static final int UNKNOWN_PLACE = 6;

  /** Administrative suffixes that may follow a place (天津市, 河源市高新区). */
  private static final WordIndex PLACE_SUFFIXES = new WordIndex(List.of("市", "区", "县", "省"));

  /** The areas in order: the four regions, then the strategic areas. */
  private final List<String> areaOrder;

  public Gazetteer(
      Provinces provinces, Places places, Divisions divisions, Regions regions, Pinyin pinyin) {
    this.provinces = provinces;
    this.places = places;
    this.regions = regions;
    this.pinyin = pinyin;
    for (String p : provinces.order()) {
      Places.ProvinceNames n = places.provinces().get(p);
      name(p, Kind.PROVINCE, p);
      name(romanized(p), Kind.PROVINCE, p);
      if (n != null) {
        name(n.full(), Kind.PROVINCE, p);
        name(n.en(), Kind.PROVINCE, p);
        name(n.en().replace(" ", ""), Kind.PROVINCE, p);
        n.abbr().forEach(a -> name(a, Kind.PROVINCE, p));
      }
    }
    places.cities().keySet().forEach(c -> name(c, Kind.CITY, c));
    places
        .nicknames()
        .forEach(
            (nick, meant) -> {
              for (String m : meant) {
                Entity e =
                    places.cities().containsKey(m)
                        ? new Entity(Kind.CITY, m)
                        : new Entity(Kind.PROVINCE, m);
                if (names.containsKey(nick.toLowerCase(Locale.ROOT))) {
                  alsoMeans.computeIfAbsent(nick, k -> new ArrayList<>()).add(e);
                } else {
                  names.put(nick.toLowerCase(Locale.ROOT), e);
                }
              }
            });
    places.within().keySet().forEach(w -> name(w, Kind.CITY, places.within().get(w)));
    Map<String, String> counties = counties(divisions, places, provinces);
    counties.forEach((county, city) -> name(county, Kind.CITY, city));
    // A region a list prints: a city with its own plan (宁波), or a body of a province (兵团 → 新疆).
    provinces
        .regions()
        .forEach(
            (r, p) -> {
              if (places.cities().containsKey(r)) {
                name(r, Kind.CITY, r);
              } else {
                name(r, Kind.PROVINCE, p);
              }
            });
    List<String> order = new ArrayList<>();
    List.of(regions.regions(), regions.areas())
        .forEach(
            group ->
                group
                    .keySet()
                    .forEach(
                        a -> {
                          order.add(a);
                          Regions.Area area = group.get(a);
                          name(a, Kind.AREA, a);
                          name(area.en(), Kind.AREA, a);
                          area.aliases().forEach(alias -> name(alias, Kind.AREA, a));
                        }));
    this.areaOrder = List.copyOf(order);
    Set<String> placeSet = new LinkedHashSet<>();
    for (String p : provinces.order()) {
      placeSet.add(p);
      Places.ProvinceNames n = places.provinces().get(p);
      if (n != null) {
        placeSet.add(n.full());
      }
    }
    placeSet.addAll(places.cities().keySet());
    placeSet.addAll(places.within().keySet());
    placeSet.addAll(provinces.regions().keySet());
    this.placeNames = new WordIndex(placeSet.stream().filter(n -> n.length() > 1).toList());
    this.zones = new WordIndex(places.zones());
    Set<String> cityNameSet = new LinkedHashSet<>(places.cities().keySet());
    cityNameSet.addAll(places.within().keySet());
    cityNameSet.addAll(counties.keySet());
    this.countyCity = Map.copyOf(counties);
    this.cityNames = new WordIndex(cityNameSet);
    this.inText =
        names.keySet().stream()
            .filter(n -> n.length() > 1)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.hanNames = new WordIndex(inText.stream().filter(Gazetteer::isHan).toList());
  }

  private void name(String name, Kind kind, String value) {
    if (name != null && !name.isBlank()) {
      names.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entity(kind, value));
    }
  }

  /** The pinyin of a Chinese name without spaces: 山东 → shandong. */
  private String romanized(String chinese) {
    return written(chinese).replace("'", "");
  }

  /**
   * The pinyin of a Chinese name as English writes it: syllables run together, an apostrophe before
   * one that starts with a, o or e (吉安 → ji'an, 西安 → xi'an), as the pinyin rules have it.
   */
  private String written(String chinese) {
    StringBuilder out = new StringBuilder();
    for (String s : pinyin.syllables(chinese)) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && "aoe".indexOf(s.charAt(0)) >= 0) {
        out.append('\'');
      }
      out.append(s);
    }
    return out.toString();
  }

  /** The gazetteer of {@code config}'s places.yaml, regions.yaml and provinces.yaml. */
  public static Gazetteer of(AppConfig config) {
    return new Gazetteer(
        config.provinces(),
        config.places(),
        config.divisions(),
        config.regions(),
        new Pinyin(config.pinyin()));
  }

  /** What {@code name} denotes when it is a whole place name (any case), if anything. */
  public Optional<Entity> lookup(String name) {
    return Optional.ofNullable(names.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /** Every place {@code name} denotes: one, or several for an ambiguous nickname (江城). */
  public List<Entity> lookupAll(String name) {
    Optional<Entity> first = lookup(name);
    if (first.isEmpty()) {
      return List.of();
    }
    List<Entity> all = new ArrayList<>();
    all.add(first.get());
    all.addAll(alsoMeans.getOrDefault(name.strip().toLowerCase(Locale.ROOT), List.of()));
    return all;
  }

  /** The province {@code value} names (山东省, 鲁, Shandong → 山东), if it names one. */
  public Optional<String> province(String value) {
    return lookup(value).filter(e -> e.kind() == Kind.PROVINCE).map(Entity::value);
  }

  /** The province of a city or of a place below a city (莱芜 → 山东), if the gazetteer knows it. */
  public Optional<String> provinceOfPlace(String place) {
    return Optional.ofNullable(provinceOfCity(places.within().getOrDefault(place, place)));
  }

  /** The area (region or strategic area) {@code value} names, if it names one. */
  public Optional<String> area(String value) {
    return lookup(value).filter(e -> e.kind() == Kind.AREA).map(Entity::value);
  }

  /** The longest Chinese place name of two characters or more at {@code at} in lower-cased text. */
  public String hanNameAt(String text, int at) {
    return hanNames.longestAt(text, at);
  }

  /** Every place name at least two characters long, longest first, for finding names in text. */
  public List<String> namesInText() {
    return inText;
  }

  /** Every name of the gazetteer (lower case), for "did you mean" on filter values. */
  public Set<String> allNames() {
    return names.keySet();
  }

  /** The areas in order: the four NBS regions, then the strategic areas. */
  public List<String> areas() {
    return areaOrder;
  }

  /**
   * How many leading characters of a cluster name (without its suffix) are its place: places of the
   * gazetteer and the printed region, each maybe followed by 市, 区, 县 or 省; zone words (高新区, 科学城 …)
   * with a parenthesised part after them (高新区（滨江）); and a short unknown place right before a zone
   * word (岳阳临港高新区). 北京怀柔科学城高端仪器 → 7 (北京, 怀柔, 科学城).
   */
  public int placePrefixLength(String name, String region) {
    int i = 0;
    while (i < name.length()) {
      String place = placeNames.longestAt(name, i);
      if (place.isEmpty() && region != null && region.length() > 1 && name.startsWith(region, i)) {
        place = region;
      }
      if (!place.isEmpty()) {
        i += place.length();
        String suffix = PLACE_SUFFIXES.longestAt(name, i);
        if (!suffix.isEmpty() && zones.longestAt(name, i).isEmpty()) {
          i += suffix.length();
        }
        continue;
      }
      String zone = zones.longestAt(name, i);
      if (zone.isEmpty()) {
        zone = zoneAfterUnknownPlace(name, i);
      }
      if (zone.isEmpty()) {
        break;
      }
      i += zone.length();
      i = afterParenthesis(name, i);
    }
    return i;
  }

  /** An unknown place and the zone word right after it (临港高新区), or "" when none follows. */
  private String zoneAfterUnknownPlace(String name, int from) {
    for (int j = from + 1; j <= Math.min(name.length() - 1, from + UNKNOWN_PLACE); j++) {
      String zone = zones.longestAt(name, j);
      if (!zone.isEmpty()) {
        return name.substring(from, j + zone.length());
      }
    }
    return "";
  }

  private static int afterParenthesis(String name, int i) {
    if (i < name.length() && (name.charAt(i) == '（' || name.charAt(i) == '(')) {
      int close = name.indexOf(name.charAt(i) == '（' ? '）' : ')', i);
      if (close > i && close - i <= UNKNOWN_PLACE + 1) {
        return close + 1;
      }
    }
    return i;
  }

  /**
   * The city of a cluster: the longest city or place below a city that its name or a builder starts
   * with (阜阳界首 → 阜阳, 燕郊 → 廊坊), else its region when that is a city (宁波), else the province itself
   * for a municipality (天津); empty when none is known.
   */
  public String cityOf(String name, String region, List<String> builders) {
    List<String> texts = new ArrayList<>();
    texts.add(name);
    texts.addAll(builders);
    for (String text : texts) {
      String best = cityNames.longestAt(text, 0);
      if (!best.isEmpty()) {
        return places.within().getOrDefault(best, best);
      }
    }
    if (places.cities().containsKey(region) || provinces.regions().containsKey(region)) {
      return region;
    }
    return isMunicipality(region) ? region : "";
  }

  private static final Set<String> MUNICIPALITIES = Set.of("北京", "天津", "上海", "重庆");

  private static boolean isMunicipality(String province) {
    return MUNICIPALITIES.contains(province);
  }

  /** The province of a city (a municipality is its own), or null. */
  private String provinceOfCity(String city) {
    if (isMunicipality(city)) {
      return city;
    }
    String p = places.cities().get(city);
    return p != null ? p : provinces.regions().get(city);
  }

  /** The regions and areas a cluster of {@code province} and {@code city} lies in, in order. */
  public List<String> areasOf(String province, String city) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Regions.Area> all = new HashMap<>(regions.regions());
    all.putAll(regions.areas());
    for (String area : areaOrder) {
      Regions.Area a = all.get(area);
      if (a.provinces().contains(province) || (!city.isEmpty() && a.cities().contains(city))) {
        out.add(area);
      }
    }
    return List.copyOf(out);
  }

  /** The English name of a province. */
  public String provinceEn(String province) {
    Places.ProvinceNames n = places.provinces().get(province);
    return n != null ? n.en() : capitalized(written(province));
  }

  /** The English name of a region or area. */
  public String areaEn(String area) {
    Regions.Area a = regions.regions().getOrDefault(area, regions.areas().get(area));
    return a == null ? area : a.en();
  }

  /**
   * The English of a place prefix of a name (淄博, 阜阳界首, 岳阳临港, 天津市): known places by their English or
   * pinyin, other runs of characters by their pinyin, each capitalised.
   */
  public String placeEn(String prefix) {
    List<String> words = new ArrayList<>();
    int i = 0;
    String text = prefix.strip();
    while (i < text.length()) {
      String known = hanNames.longestAt(text, i);
      if (!known.isEmpty()) {
        Entity e = names.get(known);
        words.add(
            places.english().containsKey(known)
                ? places.english().get(known)
                : e.kind() == Kind.PROVINCE
                    ? provinceEn(e.value()) // 天津市 → Tianjin
                    : capitalized(written(known)));
        i += known.length();
        continue;
      }
      int end = i + 1;
      while (end < text.length() && !startsKnown(text, end)) {
        end++;
      }
      String chunk = text.substring(i, end);
      if (chunk.equals("市") || chunk.equals("区") || chunk.equals("县")) {
        i = end;
        continue;
      }
      String latin = isHan(chunk) ? capitalized(written(chunk)) : chunk;
      if (!latin.isBlank()) {
        words.add(latin);
      }
      i = end;
    }
    return String.join(" ", words);
  }

  private boolean startsKnown(String text, int at) {
    if (text.charAt(at) == '市' || text.charAt(at) == '区') {
      return true;
    }
    return !hanNames.longestAt(text, at).isEmpty();
  }

  private static boolean isHan(String s) {
    return s.codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
