// Dashboard: charts of /api/stats for the query and filters in the URL (the search page's state).
// Each chart saves itself as PNG (ECharts toolbox); the data downloads as CSV (UTF-8 with a BOM).
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  params.delete('page');
  const charts = {};
  const drawn = new Set();
  // A chart, watched until its first animation is over (window.dashboardDrawn, for screenshots).
  const CHARTS = 5;
  function chart(id) {
    const c = echarts.init(document.getElementById(id));
    c.on('finished', () => {
      drawn.add(id);
      window.dashboardDrawn = drawn.size === CHARTS;
    });
    return c;
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
  const toolbox = { feature: { saveAsImage: { title: '保存为 PNG', pixelRatio: 2 } } };

  function csvHref(rows) {
    const text = '\uFEFF' + rows.map((r) => r.map((c) => {
      const s = String(c);
      return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }).join(',')).join('\r\n');
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }

  function searchLink(extra) {
    const p = new URLSearchParams(params);
    Object.entries(extra).forEach(([k, v]) => p.append(k, v));
    return '/?' + p;
  }

  async function load() {
    const res = await fetch('/api/stats?' + params).catch(() => null);
    const error = document.getElementById('error');
    if (!res || !res.ok) {
      const body = res ? await res.json().catch(() => ({})) : {};
      error.textContent = res ? window.ClusterErrors.describe(body.error) : '无法连接到服务器。';
      error.hidden = false;
      return;
    }
    const [stats, china] = await Promise.all([
      res.json(),
      fetch('/webjars/echarts/4.1.0/map/json/china.json').then((r) => r.json()).catch(() => null),
    ]);
    const q = params.get('q');
    const filters = [...params.getAll('province'), ...params.getAll('industry'), ...params.getAll('area'), ...params.getAll('year')];
    document.getElementById('filters').textContent =
      `共 ${stats.total} 个集群` + (q ? `，检索“${q}”` : '') + (filters.length ? `，筛选：${filters.join('、')}` : '');
    document.getElementById('to-search').href = '/?' + params;
    document.getElementById('csv-records').href = '/api/export?format=csv&' + params;
    document.getElementById('xlsx-records').href = '/api/export?format=xlsx&' + params;

    document.getElementById('kpi-clusters').textContent = stats.total;
    document.getElementById('kpi-provinces').textContent = stats.provinces.filter((p) => p.count > 0).length;
    document.getElementById('kpi-sectors').textContent = stats.sectors.filter((s) => s.count > 0).length;
    const years = await fetch('/api/facets?' + params).then((r) => r.json()).then((f) => f.facets.year || []).catch(() => []);
    document.getElementById('kpi-years').textContent = years.map((y) => y.value).join('、') || '–';

    const provinceRows = [['省份', '集群数'], ...stats.provinces.map((p) => [p.value, p.count])];
    charts.map = chart('map');
    if (china) {
      echarts.registerMap('china', china);
      const max = Math.max(1, ...stats.provinces.map((p) => p.count));
      charts.map.setOption({
        toolbox,
        tooltip: { trigger: 'item', formatter: (e) => `${e.name}：${e.value || 0} 个集群` },
        visualMap: { min: 0, max, text: ['多', '少'], calculable: true, left: 10, bottom: 10,
          inRange: { color: ['#f0f4f8', '#0b5cad'] } },
        series: [{ type: 'map', map: 'china', name: '集群数', roam: false,
          label: { show: false }, emphasis: { label: { show: true } },
          data: stats.provinces.map((p) => ({ name: p.value, value: p.count })) }],
      });
      charts.map.on('click', (e) => { location.href = searchLink({ province: e.name }); });
    }
    document.getElementById('csv-map').href = csvHref(provinceRows);
    table('table-map', provinceRows);

    const provinces = stats.provinces.map((p) => p.value);
    charts.province = chart('province');
    charts.province.setOption({
      toolbox, tooltip: {}, grid: { left: 40, right: 10, bottom: 60 },
      xAxis: { type: 'category', data: provinces, axisLabel: { interval: 0, rotate: 60 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '集群数', data: stats.provinces.map((p) => p.count), itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'top', formatter: (e) => (e.value ? e.value : '') } }],
    });
    table('table-province', provinceRows);

    const areaRows = [['区域', '集群数'], ...stats.areas.map((a) => [a.value, a.count])];
    charts.areas = chart('areas');
    charts.areas.setOption({
      toolbox, tooltip: {}, grid: { left: 130, right: 30, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: stats.areas.map((a) => a.value), inverse: true, axisLabel: { interval: 0 } },
      series: [{ type: 'bar', name: '集群数', data: stats.areas.map((a) => a.count), itemStyle: { color: '#3e7cb1' },
        label: { show: true, position: 'right' } }],
    });
    charts.areas.on('click', (e) => { location.href = searchLink({ area: e.name }); });
    document.getElementById('csv-area').href = csvHref(areaRows);
    table('table-area', areaRows);
    charts.province.on('click', (e) => { location.href = searchLink({ province: e.name }); });
    document.getElementById('csv-province').href =
      csvHref([['省份', '集群数'], ...stats.provinces.map((p) => [p.value, p.count])]);

    charts.sector = chart('sector');
    charts.sector.setOption({
      toolbox, tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '62%'], name: '产业门类',
        label: { show: true, formatter: '{b}\n{c}', fontSize: 11 },
        data: stats.sectors.filter((s) => s.count > 0).map((s) => ({ name: s.value, value: s.count })) }],
    });
    charts.sector.on('click', (e) => { location.href = searchLink({ industry: e.name }); });
    const sectorRows = [['产业门类', '集群数'], ...stats.sectors.map((s) => [s.value, s.count])];
    document.getElementById('csv-sector').href = csvHref(sectorRows);
    table('table-sector', sectorRows);

    const m = stats.matrix;
    const cells = [];
    let max = 1;
    m.counts.forEach((row, p) => row.forEach((n, s) => { cells.push([s, p, n]); max = Math.max(max, n); }));
    charts.matrix = chart('matrix');
    charts.matrix.setOption({
      toolbox, tooltip: { formatter: (e) => `${m.provinces[e.value[1]]} · ${m.sectors[e.value[0]]}：${e.value[2]}` },
      grid: { left: 60, right: 10, top: 10, bottom: 150 },
      xAxis: { type: 'category', data: m.sectors, axisLabel: { interval: 0, rotate: 60 } },
      yAxis: { type: 'category', data: m.provinces, inverse: true, axisLabel: { interval: 0, fontSize: 10 } },
      visualMap: { min: 0, max, show: true, orient: 'horizontal', left: 'center', bottom: 0,
        text: ['多', '少'], inRange: { color: ['#f0f4f8', '#0b5cad'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (e) => (e.value[2] ? e.value[2] : '') } }],
    });
    charts.matrix.on('click', (e) => {
      location.href = searchLink({ province: m.provinces[e.value[1]], industry: m.sectors[e.value[0]] });
    });
    const matrixRows = [['省份', ...m.sectors], ...m.provinces.map((p, i) => [p, ...m.counts[i]])];
    document.getElementById('csv-matrix').href = csvHref(matrixRows);
    table('table-matrix', matrixRows);
    window.dashboardCharts = charts; // for tests and the console
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }
  load();
})();
