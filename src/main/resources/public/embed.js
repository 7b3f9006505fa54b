// cluster-search widget for other portals. Paste into a page:
//   <div id="clusters"></div>
//   <script src="http://HOST:7070/embed.js" data-target="#clusters"
//           data-province="山东" data-industry="生物产业" data-size="5" data-lang="zh"></script>
// or write <cluster-search province="山东" size="5"></cluster-search> after the script tag, or call
// ClusterSearch.mount(element, {province, industry, size, lang}). The widget lives in a Shadow DOM,
// so the portal's styles and the widget's never touch each other; the portal themes it through CSS
// custom properties: --cs-accent, --cs-text, --cs-border, --cs-radius, --cs-font.
(function () {
  'use strict';
  const script = document.currentScript;
  const api = script ? new URL(script.src).origin : location.origin;
  const LABELS = {
    zh: { placeholder: '搜索创新型产业集群', search: '搜索', total: (n, shown) => shown < n ? `共 ${n} 个集群，显示前 ${shown} 个` : `共 ${n} 个集群`, none: (q) => q ? `没有与“${q}”匹配的集群。` : '没有符合范围的集群。', error: '无法连接到检索服务。', more: '查看全部结果', scope: '范围', related: (n) => `另有 ${n} 个相关集群` },
    en: { placeholder: 'Search innovative industrial clusters', search: 'Search', total: (n, shown) => shown < n ? `${n} clusters, first ${shown} shown` : `${n} clusters`, none: (q) => q ? `No cluster matches “${q}”.` : 'No cluster in this scope.', error: 'The search service cannot be reached.', more: 'All results', scope: 'Scope', related: (n) => `${n} related clusters` },
  };
  const STYLE = `
    :host { all: initial; display: block; font: var(--cs-font, 15px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif); color: var(--cs-text, #1f2933); }
    form { display: flex; gap: .4rem; }
    input { flex: 1; padding: .45rem .6rem; font: inherit; border: 1px solid #9fb3c8; border-radius: 5px; }
    button { padding: .45rem .9rem; font: inherit; border: 0; border-radius: var(--cs-radius, 5px); background: var(--cs-accent, #0b5cad); color: #fff; cursor: pointer; }
    :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
    ol { list-style: none; margin: .6rem 0 0; padding: 0; }
    li { padding: .45rem 0; border-bottom: 1px solid var(--cs-border, #d9e2ec); }
    .name { font-weight: 600; } em { font-style: normal; background: #fff3bf; }
    .meta, .total, .scope, .related-heading { color: #616e7c; font-size: .85em; }
    .related-heading { font-weight: 600; padding-top: .75rem; }
    .name a { color: #1f4e8c; text-decoration: underline; text-underline-offset: 2px; } .name a:hover { text-decoration-thickness: 2px; }
    .more { display: inline-block; margin-top: .4rem; color: var(--cs-accent, #0b5cad); }
    [role=alert] { color: #8a1c1c; }
    [hidden] { display: none !important; }`;

  function mount(host, options) {
    // An option not given (undefined, or a size that is no number) keeps its default: assigning
    // undefined over the default sent size=undefined, a 400, and the widget showed nothing.
    const given = Object.fromEntries(Object.entries(options || {})
      .filter(([, v]) => v !== undefined && v !== null && v !== '' && !Number.isNaN(v)));
    const opts = Object.assign({ size: 5, lang: 'zh' }, given);
    const t = LABELS[opts.lang] || LABELS.zh;
    const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    root.innerHTML = `<style>${STYLE}</style>
      <form part="form" role="search"><label style="position:absolute;left:-9999px" for="q">${t.placeholder}</label>
      <input id="q" type="search" placeholder="${t.placeholder}"><button type="submit">${t.search}</button></form>
      <p class="scope" hidden></p><p class="total" aria-live="polite"></p><ol></ol><a class="more" target="_blank" rel="noopener" hidden></a>`;
    const form = root.querySelector('form');
    const input = root.querySelector('input');
    const total = root.querySelector('.total');
    const ol = root.querySelector('ol');
    const more = root.querySelector('.more');
    const scope = root.querySelector('.scope');
    const filters = new URLSearchParams();
    if (opts.province) String(opts.province).split(',').forEach((v) => filters.append('province', v));
    if (opts.industry) String(opts.industry).split(',').forEach((v) => filters.append('industry', v));
    const named = [...filters.values()];
    // A value as the portal wrote it, but a Latin one capitalised (shandong → Shandong), after the
    // punctuation of the widget's language.
    const shown = named.map((v) => /^[a-z]/.test(v) ? v.charAt(0).toUpperCase() + v.slice(1) : v);
    scope.textContent = t.scope + (opts.lang === 'en' ? ': ' : '：') + shown.join(' · ');
    scope.hidden = named.length === 0;
    let latest = 0;
    // Searches the text of the box (blank: every cluster of the widget's scope); runs on load.
    async function run() {
      const asked = ++latest;
      const q = input.value.trim();
      const p = new URLSearchParams(filters);
      if (q) p.set('q', q);
      p.set('size', String(opts.size));
      try {
        const res = await fetch(api + '/api/search?' + p);
        const body = await res.json();
        if (asked !== latest) return; // a newer search is on its way
        ol.replaceChildren();
        if (!res.ok) throw new Error(body.error ? body.error.message : String(res.status));
        const related = body.related || 0;
        total.textContent = body.total ? t.total(body.total, Math.min(body.total, body.hits.length))
          : body.hits.length ? (body.note || t.none(q)) : t.none(q);
        const all = new URLSearchParams(p);
        all.delete('size');
        if (opts.lang === 'en') all.set('lang', 'en');
        more.href = api + '/?' + all;
        more.textContent = t.more + ' →';
        more.hidden = body.total + related <= body.hits.length;
        let headed = false;
        for (const h of body.hits) {
          if (h.match === 'related' && !headed) {
            // Related clusters under their own heading, after every match.
            ol.append(Object.assign(document.createElement('li'),
              { className: 'related-heading', textContent: t.related(related) }));
            headed = true;
          }
          const li = document.createElement('li');
          li.dataset.id = h.id;
          const name = document.createElement('div');
          name.className = 'name';
          const page = document.createElement('a');
          page.href = api + '/clusters/' + encodeURIComponent(h.id);
          page.target = '_blank';
          page.rel = 'noopener';
          if (opts.lang === 'en') {
            page.textContent = h.nameEn;
          } else {
            page.innerHTML = h.highlight.name; // escaped by the server
          }
          name.append(page);
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
        if (asked !== latest) return;
        total.textContent = '';
        more.hidden = true;
        ol.replaceChildren();
        const li = document.createElement('li');
        li.setAttribute('role', 'alert');
        li.textContent = err instanceof TypeError ? t.error : err.message;
        ol.append(li);
      }
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      run();
    });
    run();
    return root;
  }

  window.ClusterSearch = { mount };

  // <cluster-search province="山东" industry="生物产业" size="5" lang="zh"></cluster-search>
  if (window.customElements && !customElements.get('cluster-search')) {
    customElements.define(
      'cluster-search',
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          mount(this, {
            province: this.getAttribute('province') || undefined,
            industry: this.getAttribute('industry') || undefined,
            size: this.getAttribute('size') ? parseInt(this.getAttribute('size'), 10) : undefined,
            lang: this.getAttribute('lang') || undefined,
          });
        }
      });
  }
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
