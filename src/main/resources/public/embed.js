// cluster-search widget for other portals. Paste into a page:
//   <div id="clusters"></div>
//   <script src="http://HOST:7070/embed.js" data-target="#clusters"
//           data-province="山东" data-industry="生物产业" data-size="5" data-lang="zh"></script>
// or call ClusterSearch.mount(element, {province, industry, size, lang}). The widget lives in a
// Shadow DOM, so the portal's styles and the widget's never touch each other.
(function () {
  'use strict';
  const script = document.currentScript;
  const api = script ? new URL(script.src).origin : location.origin;
  const LABELS = {
    zh: { placeholder: '搜索创新型产业集群', search: '搜索', total: (n) => `共 ${n} 个集群`, none: (q) => `没有与“${q}”匹配的集群。`, error: '无法连接到检索服务。', more: '查看全部结果' },
    en: { placeholder: 'Search innovative industrial clusters', search: 'Search', total: (n) => `${n} clusters`, none: (q) => `No cluster matches “${q}”.`, error: 'The search service cannot be reached.', more: 'All results' },
  };
  const STYLE = `
    :host { all: initial; display: block; font: 15px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; }
    form { display: flex; gap: .4rem; }
    input { flex: 1; padding: .45rem .6rem; font: inherit; border: 1px solid #9fb3c8; border-radius: 5px; }
    button { padding: .45rem .9rem; font: inherit; border: 0; border-radius: 5px; background: #0b5cad; color: #fff; cursor: pointer; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
    ol { list-style: none; margin: .6rem 0 0; padding: 0; }
    li { padding: .45rem 0; border-bottom: 1px solid #d9e2ec; }
    .name { font-weight: 600; } em { font-style: normal; background: #fff3bf; }
    .meta, .total { color: #616e7c; font-size: .85em; }
    [role=alert] { color: #8a1c1c; }`;

  function mount(host, options) {
    const opts = Object.assign({ size: 5, lang: 'zh' }, options || {});
    const t = LABELS[opts.lang] || LABELS.zh;
    const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    root.innerHTML = `<style>${STYLE}</style>
      <form part="form" role="search"><label style="position:absolute;left:-9999px" for="q">${t.placeholder}</label>
      <input id="q" type="search" placeholder="${t.placeholder}"><button type="submit">${t.search}</button></form>
      <p class="total" aria-live="polite"></p><ol></ol>`;
    const form = root.querySelector('form');
    const input = root.querySelector('input');
    const total = root.querySelector('.total');
    const ol = root.querySelector('ol');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const p = new URLSearchParams({ q: input.value.trim(), size: String(opts.size) });
      if (opts.province) String(opts.province).split(',').forEach((v) => p.append('province', v));
      if (opts.industry) String(opts.industry).split(',').forEach((v) => p.append('industry', v));
      ol.replaceChildren();
      try {
        const res = await fetch(api + '/api/search?' + p);
        const body = await res.json();
        if (!res.ok) throw new Error(body.error ? body.error.message : String(res.status));
        total.textContent = body.total ? t.total(body.total) : t.none(input.value.trim());
        for (const h of body.hits) {
          const li = document.createElement('li');
          li.dataset.id = h.id;
          const name = document.createElement('div');
          name.className = 'name';
          if (opts.lang === 'en') {
            name.textContent = h.nameEn;
          } else {
            name.innerHTML = h.highlight.name; // escaped by the server
          }
          const meta = document.createElement('div');
          meta.className = 'meta';
          meta.textContent =
            opts.lang === 'en'
              ? `${h.provinceEn} · ${h.sectorEn} / ${h.industryEn}`
              : `${h.province} · ${h.sector} / ${h.industry}`;
          li.append(name, meta);
          ol.append(li);
        }
      } catch (err) {
        total.textContent = '';
        const li = document.createElement('li');
        li.setAttribute('role', 'alert');
        li.textContent = err instanceof TypeError ? t.error : err.message;
        ol.append(li);
      }
    });
    return root;
  }

  window.ClusterSearch = { mount };
  if (script && script.dataset.target) {
    const target = document.querySelector(script.dataset.target);
    if (target) {
      mount(target, {
        province: script.dataset.province,
        industry: script.dataset.industry,
        size: script.dataset.size ? parseInt(script.dataset.size, 10) : undefined,
        lang: script.dataset.lang,
      });
    }
  }
})();
