// Dashboard: charts of /api/stats for the query and filters in the URL (the search page's state).
// Each chart saves itself as PNG (ECharts toolbox); the data downloads as CSV (UTF-8 with a BOM).
// The numbers (KPIs, tables, CSVs) are filled at once; each chart is drawn in a task of its own
// when it comes near the viewport, so a phone never blocks on charts it has not scrolled to.
(function () {
  'use strict';
  // The API takes the query and filters only: the page's other state (lang, page, size, sort)
  // would be an unknown parameter there.
  const params = new URLSearchParams();
  new URLSearchParams(location.search).forEach((value, key) => {
    if (['q', 'province', 'industry', 'area', 'year', 'exact'].includes(key)) params.append(key, value);
  });
  const { en, t, keep } = window.I18n;
  const charts = {};
  const drawn = new Set();
  const CHARTS = 5;
  // Phones and reduced-motion users get charts without the entry animation (no frames to render).
  const still = matchMedia('(max-width: 800px), (prefers-reduced-motion: reduce)').matches;
  const narrow = matchMedia('(max-width: 600px)').matches;

  // A chart, watched until its first drawing is over (window.dashboardDrawn, for screenshots).
  // The map is SVG: a phone paints its 34 provinces in a fraction of a canvas's main-thread time,
  // and it saves as a vector image; the other charts are canvas and save as PNG.
  function chart(id, renderer) {
    const c = echarts.init(document.getElementById(id), null, { renderer: renderer || 'canvas' });
    const done = () => {
      drawn.add(id);
      window.dashboardDrawn = drawn.size === CHARTS;
    };
    c.on('finished', done);
    // A lazy setOption draws in a later frame without 'finished' (ECharts 5.3): the first frame
    // rendered with no animation left is the drawn chart.
    c.on('rendered', () => { if (c.getZr().animation.isFinished()) done(); });
    charts[id] = c;
    return c;
  }

  // Draws run one per task, in order, each when a quarter of its chart is in view.
  let queue = Promise.resolve();
  function run(draw) {
    queue = queue.then(() => new Promise((done) => setTimeout(() => { draw(); done(); }, 0)));
  }
  const waiting = new Map();
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => entries.forEach((e) => {
      if (!e.isIntersecting || !waiting.has(e.target)) return;
      observer.unobserve(e.target);
      run(waiting.get(e.target));
      waiting.delete(e.target);
    }), { threshold: 0.25 })
    : null;
  function whenVisible(id, draw) {
    const el = document.getElementById(id);
    if (!observer) return run(draw);
    waiting.set(el, draw);
    observer.observe(el);
  }

  /** A data table under a chart, for screen readers and copying. */
  function table(id, rows) {
    const t = document.getElementById(id);
    t.replaceChildren();
    rows.forEach((r, i) => {
      const tr = document.createElement('tr');
      r.forEach((c) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        cell.textContent = String(c);
        tr.append(cell);
      });
      t.append(tr);
    });
  }
  const toolbox = { feature: { saveAsImage: { title: t('保存为 PNG', 'Save as PNG'), pixelRatio: 2 } } };
  const base = { toolbox, animation: !still };

  function csvHref(rows) {
    const text = '\uFEFF' + rows.map((r) => r.map((c) => {
      const s = String(c);
      return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }).join(',')).join('\r\n');
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }

  /**
   * A colour legend of counts 0..max in steps a reader can tell apart: one swatch per count up to
   * 5, else five ranges. (A piecewise legend costs a phone a fraction of a continuous one.)
   */
  function legend(max) {
    const colors = ['#f0f4f8', '#c6d9ec', '#8fb4d9', '#4f86bf', '#0b5cad'];
    let pieces;
    if (max <= 5) {
      pieces = Array.from({ length: max + 1 }, (_, n) => ({ value: n, label: String(n) }));
    } else {
      const step = Math.ceil(max / 4);
      pieces = [{ value: 0, label: '0' }];
      for (let lo = 1; lo <= max; lo += step) {
        const hi = Math.min(max, lo + step - 1);
        pieces.push({ min: lo, max: hi, label: lo === hi ? String(lo) : lo + '–' + hi });
      }
    }
    const shades = pieces.length === 1 ? [colors[0]] : pieces.map((_, i) =>
      colors[Math.round((i * (colors.length - 1)) / (pieces.length - 1))]);
    return { type: 'piecewise', pieces: pieces.map((p, i) => ({ ...p, color: shades[i] })), itemGap: 4 };
  }

  function searchLink(extra) {
    const p = new URLSearchParams(params);
    Object.entries(extra).forEach(([k, v]) => p.append(k, v));
    return keep('/?' + p);
  }

  async function load() {
    const res = await fetch('/api/stats?' + params).catch(() => null);
    const error = document.getElementById('error');
    if (!res || !res.ok) {
      const body = res ? await res.json().catch(() => ({})) : {};
      error.textContent = res ? window.ClusterErrors.describe(body.error) : t('无法连接到服务器。', 'Cannot reach the server.');
      error.hidden = false;
      return;
    }
    const china = fetch('/webjars/echarts/4.1.0/map/json/china.json').then((r) => r.json()).catch(() => null);
    const years = fetch('/api/facets?' + params).then((r) => r.json()).then((f) => f.facets.year || []).catch(() => []);
    const stats = await res.json();
    // The English label of every value the charts show (value → labelEn), where there is one.
    const label = new Map();
    [...stats.provinces, ...stats.sectors, ...stats.areas].forEach((v) => { if (v.labelEn) label.set(v.value, v.labelEn); });
    const shown = (value) => (en && label.get(value)) || value;
    const q = params.get('q');
    const filters = [...params.getAll('province'), ...params.getAll('industry'), ...params.getAll('area'), ...params.getAll('year')];
    document.getElementById('filters').textContent = en
      ? `${stats.total} clusters` + (q ? `, searching “${q}”` : '') + (filters.length ? `, filtered by ${filters.map(shown).join(', ')}` : '')
      : `共 ${stats.total} 个集群` + (q ? `，检索“${q}”` : '') + (filters.length ? `，筛选：${filters.join('、')}` : '');
    document.getElementById('to-search').href = keep('/?' + params);
    document.getElementById('csv-records').href = '/api/export?format=csv&' + params;
    document.getElementById('xlsx-records').href = '/api/export?format=xlsx&' + params;

    document.getElementById('kpi-clusters').textContent = stats.total;
    document.getElementById('kpi-provinces').textContent = stats.provinces.filter((p) => p.count > 0).length;
    document.getElementById('kpi-sectors').textContent = stats.sectors.filter((s) => s.count > 0).length;

    // The numbers first: tables and CSVs of every chart.
    const CLUSTERS = t('集群数', 'Clusters');
    const provinceRows = [[t('省份', 'Province'), CLUSTERS], ...stats.provinces.map((p) => [shown(p.value), p.count])];
    const areaRows = [[t('区域', 'Region'), CLUSTERS], ...stats.areas.map((a) => [shown(a.value), a.count])];
    const sectorRows = [[t('产业门类', 'Sector'), CLUSTERS], ...stats.sectors.map((s) => [shown(s.value), s.count])];
    const m = stats.matrix;
    const matrixRows = [[t('省份', 'Province'), ...m.sectors.map(shown)], ...m.provinces.map((p, i) => [shown(p), ...m.counts[i]])];
    [['map', provinceRows], ['province', provinceRows], ['area', areaRows], ['sector', sectorRows],
      ['matrix', matrixRows]].forEach(([name, rows]) => {
      document.getElementById('csv-' + name).href = csvHref(rows);
      table('table-' + name, rows);
    });
    window.dashboardCharts = charts; // for tests and the console

    whenVisible('map', async () => {
      const geo = await china;
      if (!geo) return;
      echarts.registerMap('china', geo);
      const max = Math.max(1, ...stats.provinces.map((p) => p.count));
      const c = chart('map', 'svg');
      c.setOption({
        ...base,
        toolbox: { feature: { saveAsImage: { title: t('保存为 SVG', 'Save as SVG') } } },
        tooltip: { trigger: 'item', formatter: (e) => t(`${e.name}：${e.value || 0} 个集群`, `${shown(e.name)}: ${e.value || 0} clusters`) },
        visualMap: { ...legend(max), left: 10, bottom: 10 },
        series: [{ type: 'map', map: 'china', name: CLUSTERS, roam: false,
          label: { show: false }, emphasis: { label: { show: true } },
          data: stats.provinces.map((p) => ({ name: p.value, value: p.count })) }],
      }, { lazyUpdate: true }); // the model in this task, the drawing in the next frame's
      c.on('click', (e) => { location.href = searchLink({ province: e.name }); });
    });

    whenVisible('province', () => {
      // On a phone, 34 provinces read as rows (horizontal bars), not as rotated labels that overlap.
      const categories = { type: 'category', data: stats.provinces.map((p) => p.value), axisLabel: { interval: 0, formatter: shown } };
      const values = { type: 'value', minInterval: 1 };
      const c = chart('province');
      c.setOption({
        ...base, tooltip: {},
        grid: narrow ? { left: 60, right: 30, top: 10, bottom: 20 } : { left: 40, right: 10, bottom: 60 },
        xAxis: narrow ? values : { ...categories, axisLabel: { interval: 0, rotate: 60, formatter: shown } },
        yAxis: narrow ? { ...categories, inverse: true } : values,
        series: [{ type: 'bar', name: CLUSTERS, data: stats.provinces.map((p) => p.count), itemStyle: { color: '#0b5cad' },
          label: { show: true, position: narrow ? 'right' : 'top', formatter: (e) => (e.value ? e.value : '') } }],
      });
      c.on('click', (e) => { location.href = searchLink({ province: e.name }); });
    });

    whenVisible('areas', () => {
      const c = chart('areas');
      c.setOption({
        ...base, tooltip: {}, grid: { left: en ? 190 : 130, right: 30, top: 10, bottom: 20 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: stats.areas.map((a) => a.value), inverse: true, axisLabel: { interval: 0, formatter: shown } },
        series: [{ type: 'bar', name: CLUSTERS, data: stats.areas.map((a) => a.count), itemStyle: { color: '#3e7cb1' },
          label: { show: true, position: 'right' } }],
      });
      c.on('click', (e) => { location.href = searchLink({ area: e.name }); });
    });

    whenVisible('sector', () => {
      const c = chart('sector');
      const data = stats.sectors.filter((s) => s.count > 0).map((s) => ({ name: s.value, value: s.count }));
      const count = new Map(data.map((d) => [d.name, d.value]));
      // On a phone the names do not fit around the ring (新能源产业 and 新能源汽车产业 were both cut to
      // "新能…"): the ring shows the counts and a legend under it names every sector in full.
      c.setOption({
        ...base,
        tooltip: { trigger: 'item', formatter: (e) => `${shown(e.name)}${t('：', ': ')}${e.value} (${e.percent}%)` },
        legend: narrow
          ? { orient: 'vertical', left: 'center', top: 215, itemGap: 6, selectedMode: false,
            textStyle: { fontSize: 13, color: '#1f2933' }, formatter: (name) => `${shown(name)}  ${count.get(name)}` }
          : { show: false },
        series: [{ type: 'pie', name: t('产业门类', 'Sector'),
          radius: narrow ? [45, 90] : ['35%', '62%'], center: narrow ? ['50%', 110] : ['50%', '50%'],
          label: narrow
            ? { show: true, position: 'inside', formatter: '{c}', fontSize: 12, color: '#fff' }
            : { show: true, formatter: (e) => `${shown(e.name)}\n${e.value}`, fontSize: 11 },
          data }],
      });
      c.on('click', (e) => { location.href = searchLink({ industry: e.name }); });
    });

    whenVisible('matrix', () => {
      const cells = [];
      let max = 1;
      m.counts.forEach((row, p) => row.forEach((n, s) => { cells.push([s, p, n]); max = Math.max(max, n); }));
      const c = chart('matrix');
      c.setOption({
        ...base, tooltip: { formatter: (e) => `${shown(m.provinces[e.value[1]])} · ${shown(m.sectors[e.value[0]])}${t('：', ': ')}${e.value[2]}` },
        grid: { left: 60, right: 10, top: 10, bottom: 150 },
        xAxis: { type: 'category', data: m.sectors, axisLabel: { interval: 0, rotate: 60, formatter: shown } },
        yAxis: { type: 'category', data: m.provinces, inverse: true, axisLabel: { interval: 0, fontSize: 10, formatter: shown } },
        visualMap: { ...legend(max), orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (e) => (e.value[2] ? e.value[2] : '') } }],
      });
      c.on('click', (e) => {
        location.href = searchLink({ province: m.provinces[e.value[1]], industry: m.sectors[e.value[0]] });
      });
    });

    document.getElementById('kpi-years').textContent = (await years).map((y) => y.value).join(t('、', ', ')) || '–';
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }
  load();
})();
