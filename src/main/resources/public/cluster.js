// The page of one cluster (/clusters/2021-19): every field, its source in the list, links into the
// search for its sector, industry, province and areas, and its related clusters.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.split('/').pop());
  const { en, t, keep } = window.I18n;
  const REASON = en
    ? { industry: 'same industry', industryWords: 'shared industry words', concept: 'neighbouring industry', sector: 'same sector', province: 'same province' }
    : { industry: '同产业', industryWords: '产业相通', concept: '相近产业', sector: '同门类', province: '同省份' };

  function link(text, params) {
    const a = document.createElement('a');
    a.href = keep('/?' + new URLSearchParams(params));
    a.textContent = text;
    return a;
  }

  /** One field: its name and its values, joined by {@code sep}. */
  function row(dl, term, sep, ...values) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    values.forEach((v, i) => dd.append(i > 0 ? sep : '', v));
    dl.append(dt, dd);
  }

  async function load() {
    const res = await fetch('/api/clusters/' + encodeURIComponent(id)).catch(() => null);
    if (!res || !res.ok) {
      const body = res ? await res.json().catch(() => null) : null;
      $('error').textContent = body && body.error
        ? t('找不到集群“' + id + '”。', 'There is no cluster ' + id + '.')
        : t('无法连接到服务器，请稍后重试。', 'Cannot reach the server; try again shortly.');
      $('error').hidden = false;
      return;
    }
    const c = await res.json();
    document.title = (en ? c.nameEn : c.name) + t(' · 创新型产业集群', ' · Innovative industrial clusters');
    // In English the English name leads and the name as listed follows (in Chinese, the reverse).
    $('name').textContent = en ? c.nameEn : c.name;
    $('name').lang = en ? 'en' : 'zh-CN';
    $('name-en').textContent = en ? c.name : c.nameEn;
    $('name-en').lang = en ? 'zh-CN' : 'en';
    const dl = $('fields');
    // Names of units, cities and areas have no English in the list: they stay as written.
    const zh = (value) => {
      const span = document.createElement('span');
      span.lang = 'zh-CN';
      span.textContent = value;
      return span;
    };
    row(dl, t('地区', 'Place'), '', link(en ? c.provinceEn : c.province, { province: c.province }),
      c.city ? (en ? ' (' : '（') : '', c.city ? zh(c.city) : '', c.city ? (en ? ')' : '）') : '');
    row(dl, t('产业', 'Industry'), ' / ', link(en ? c.sectorEn : c.sector, { industry: c.sector }),
      link(en ? c.industryEn : c.industry, { industry: c.sector + '/' + c.industry }));
    row(dl, t('区域', 'Regions'), t('、', ', '), ...c.areas.map((a) => {
      const l = link(a, { area: a });
      l.lang = 'zh-CN';
      return l;
    }));
    row(dl, t('建设单位', 'Builder unit'), '', zh(c.builder));
    row(dl, t('推荐单位', 'Recommended by'), '', zh(c.recommender));
    row(dl, t('来源', 'Source'), '', en
      ? `${c.year} list, No. ${c.seq} (region as listed: `
      : (c.listTitle || c.year + ' 年度名单') + '，序号 ' + c.seq + '（地区：', zh(c.region), t('）', ')'));
    if (c.category) row(dl, t('类别', 'Category'), '', zh(c.category));
    $('cluster').hidden = false;

    const similar = await fetch('/api/clusters/' + encodeURIComponent(id) + '/similar?size=5')
      .then((r) => r.json()).catch(() => ({ similar: [] }));
    const ol = $('related');
    for (const r of similar.similar || []) {
      const li = document.createElement('li');
      li.dataset.id = r.id;
      const a = document.createElement('a');
      a.href = keep('/clusters/' + encodeURIComponent(r.id));
      a.textContent = en && r.nameEn ? r.nameEn : r.name;
      const why = document.createElement('span');
      why.className = 'chip';
      why.textContent = r.reasons.map((x) => REASON[x]).join(' · ');
      li.append(a, ' ', why);
      ol.append(li);
    }
  }
  load();
})();
