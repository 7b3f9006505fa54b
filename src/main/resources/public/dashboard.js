// Dashboard: charts of /api/stats for the query and filters in the URL (the search page's state).
// Each chart saves itself as PNG (ECharts toolbox); the data downloads as CSV (UTF-8 with a BOM).
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  params.delete('page');
  const charts = {};
  const drawn = new Set();
  // A chart, watched until its first animation is over (window.dashboardDrawn, for screenshots).
  function chart(id) {
    const c = echarts.init(document.getElementById(id));
    c.on('finished', () => {
      drawn.add(id);
      window.dashboardDrawn = drawn.size === 3;
    });
    return c;
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
    const stats = await res.json();
    const q = params.get('q');
    const filters = [...params.getAll('province'), ...params.getAll('industry')];
    document.getElementById('filters').textContent =
      `共 ${stats.total} 个集群` + (q ? `，检索“${q}”` : '') + (filters.length ? `，筛选：${filters.join('、')}` : '');
    document.getElementById('to-search').href = '/?' + params;
    document.getElementById('csv-records').href = '/api/export?format=csv&' + params;

    const provinces = stats.provinces.map((p) => p.value);
    charts.province = chart('province');
    charts.province.setOption({
      toolbox, tooltip: {}, grid: { left: 40, right: 10, bottom: 60 },
      xAxis: { type: 'category', data: provinces, axisLabel: { interval: 0, rotate: 60 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '集群数', data: stats.provinces.map((p) => p.count), itemStyle: { color: '#0b5cad' } }],
    });
    charts.province.on('click', (e) => { location.href = searchLink({ province: e.name }); });
    document.getElementById('csv-province').href =
      csvHref([['省份', '集群数'], ...stats.provinces.map((p) => [p.value, p.count])]);

    charts.sector = chart('sector');
    charts.sector.setOption({
      toolbox, tooltip: { trigger: 'item' }, legend: { type: 'scroll', bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '70%'], name: '产业门类',
        data: stats.sectors.filter((s) => s.count > 0).map((s) => ({ name: s.value, value: s.count })) }],
    });
    charts.sector.on('click', (e) => { location.href = searchLink({ industry: e.name }); });
    document.getElementById('csv-sector').href =
      csvHref([['产业门类', '集群数'], ...stats.sectors.map((s) => [s.value, s.count])]);

    const m = stats.matrix;
    const cells = [];
    let max = 1;
    m.counts.forEach((row, p) => row.forEach((n, s) => { cells.push([s, p, n]); max = Math.max(max, n); }));
    charts.matrix = chart('matrix');
    charts.matrix.setOption({
      toolbox, tooltip: { formatter: (e) => `${m.provinces[e.value[1]]} · ${m.sectors[e.value[0]]}：${e.value[2]}` },
      grid: { left: 60, right: 10, top: 10, bottom: 110 },
      xAxis: { type: 'category', data: m.sectors, axisLabel: { interval: 0, rotate: 60 } },
      yAxis: { type: 'category', data: m.provinces, inverse: true, axisLabel: { interval: 0, fontSize: 10 } },
      visualMap: { min: 0, max, show: false, inRange: { color: ['#f0f4f8', '#0b5cad'] } },
      series: [{ type: 'heatmap', data: cells }],
    });
    window.dashboardCharts = charts; // for tests and the console
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }
  load();
})();
