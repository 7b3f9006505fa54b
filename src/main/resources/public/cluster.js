// The page of one cluster (/clusters/2021-19): every field, its source in the list, links into the
// search for its sector, industry, province and areas, and its related clusters.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const id = decodeURIComponent(location.pathname.split('/').pop());
  const REASON = { industry: '同产业', industryWords: '产业相通', concept: '相近产业', sector: '同门类', province: '同省份' };

  function link(text, params) {
    const a = document.createElement('a');
    a.href = '/?' + new URLSearchParams(params);
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
      $('error').textContent = body && body.error ? '找不到集群“' + id + '”。' : '无法连接到服务器，请稍后重试。';
      $('error').hidden = false;
      return;
    }
    const c = await res.json();
    document.title = c.name + ' · 创新型产业集群';
    $('name').textContent = c.name;
    $('name-en').textContent = c.nameEn;
    const dl = $('fields');
    row(dl, '地区', '', link(c.province, { province: c.province }), c.city ? '（' + c.city + '）' : '');
    row(dl, '产业', ' / ', link(c.sector, { industry: c.sector }),
      link(c.industry, { industry: c.sector + '/' + c.industry }));
    row(dl, '区域', '、', ...c.areas.map((a) => link(a, { area: a })));
    row(dl, '建设单位', '', c.builder);
    row(dl, '推荐单位', '', c.recommender);
    row(dl, '来源', '', (c.listTitle || c.year + ' 年度名单') + '，序号 ' + c.seq + '（地区：' + c.region + '）');
    if (c.category) row(dl, '类别', '', c.category);
    $('cluster').hidden = false;

    const similar = await fetch('/api/clusters/' + encodeURIComponent(id) + '/similar?size=5')
      .then((r) => r.json()).catch(() => ({ similar: [] }));
    const ol = $('related');
    for (const r of similar.similar || []) {
      const li = document.createElement('li');
      li.dataset.id = r.id;
      const a = document.createElement('a');
      a.href = '/clusters/' + encodeURIComponent(r.id);
      a.textContent = r.name;
      const why = document.createElement('span');
      why.className = 'chip';
      why.textContent = r.reasons.map((x) => REASON[x]).join(' · ');
      li.append(a, ' ', why);
      ol.append(li);
    }
  }
  load();
})();
