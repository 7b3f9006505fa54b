// cluster-search page: the whole state (q, province, industry, page) lives in the URL, so links
// can be shared and the back button works. Highlights come HTML-escaped from the server.
(function () {
  'use strict';
  const SIZES = [10, 20, 50];
  const SORTS = ['relevance', 'list', 'province'];
  const $ = (id) => document.getElementById(id);
  const { en, t } = window.I18n;
  const input = $('q');
  const list = $('suggestions');

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') || '',
      province: p.getAll('province'),
      industry: p.getAll('industry'),
      area: p.getAll('area'),
      year: p.getAll('year'),
      page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
      size: SIZES.includes(parseInt(p.get('size'), 10)) ? parseInt(p.get('size'), 10) : SIZES[0],
      sort: SORTS.includes(p.get('sort')) ? p.get('sort') : SORTS[0],
      exact: p.get('exact') === 'true',
      lang: p.get('lang') === 'en' ? 'en' : 'zh',
    };
  }

  function toParams(s, withPage) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    s.province.forEach((v) => p.append('province', v));
    s.industry.forEach((v) => p.append('industry', v));
    s.area.forEach((v) => p.append('area', v));
    s.year.forEach((v) => p.append('year', v));
    if (s.exact) p.set('exact', 'true');
    if (s.lang === 'en') p.set('lang', 'en');
    if (withPage && s.page > 1) p.set('page', String(s.page));
    if (withPage && s.size !== SIZES[0]) p.set('size', String(s.size));
    if (withPage && s.sort !== SORTS[0]) p.set('sort', s.sort);
    return p;
  }

  function go(s) {
    const qs = toParams(s, true).toString();
    const paged = s.page !== stateFromUrl().page;
    history.pushState(null, '', qs ? '?' + qs : location.pathname);
    $('facets').classList.remove('open');
    $('filters-open').setAttribute('aria-expanded', 'false');
    render().then(() => {
      if (paged) $('summary').scrollIntoView({ block: 'start' }); // the next page starts at its top
    });
  }

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  async function render() {
    const s = stateFromUrl();
    input.value = s.q;
    $('to-dashboard').href = '/dashboard?' + toParams(s, false);
    const params = toParams(s, true);
    params.delete('lang');
    params.set('size', String(s.size));
    $('error').hidden = true;
    let body;
    try {
      const res = await fetch('/api/search?' + params);
      body = await res.json();
      if (!res.ok) throw Object.assign(new Error(res.statusText), { api: body.error });
    } catch (e) {
      $('error').textContent = e instanceof TypeError
        ? t('无法连接到服务器，请稍后重试。', 'Cannot reach the server; try again shortly.')
        : window.ClusterErrors.describe(e.api);
      $('error').hidden = false;
      $('results').replaceChildren();
      $('summary').textContent = '';
      return;
    }
    // Matches and related clusters apart: total counts matches, related the rest (ranked after).
    const related = body.related ? t(`，另有 ${body.related} 个相关集群`, `, and ${body.related} related`) : '';
    $('summary').textContent = t(`共 ${body.total} 个集群${related}，用时 ${body.tookMs} 毫秒`,
      `${body.total} ${body.total === 1 ? 'cluster' : 'clusters'}${related}, in ${body.tookMs} ms`);
    learn(body.facets);
    renderActive(s);
    renderUnderstood(body, s);
    renderHits(body, s);
    allFacets = null;
    renderFacets(body.facets, s, false);
    renderPager(body.total + (body.related || 0), s);
  }

  // The filters in force, as chips that each remove their filter, and 清除全部.
  const DIM_LABEL = en
    ? { province: 'Province', industry: 'Industry', area: 'Region', year: 'Year' }
    : { province: '省份', industry: '产业', area: '区域', year: '年份' };
  const COLON = t('：', ': ');

  function renderActive(s) {
    const box = $('active-filters');
    box.replaceChildren();
    let any = false;
    for (const dim of Object.keys(DIM_LABEL)) {
      for (const value of s[dim]) {
        any = true;
        const chip = text('span', DIM_LABEL[dim] + COLON + display(dim, value), 'chip active');
        const remove = text('button', '×', 'chip-remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', t('去掉筛选“' + value + '”', 'Remove the filter ' + display(dim, value)));
        remove.addEventListener('click', () =>
          go({ ...s, [dim]: s[dim].filter((v) => v !== value), page: 1 }));
        chip.append(remove);
        box.append(chip);
      }
    }
    if (any) {
      const clear = text('button', t('清除全部', 'Clear all'), 'clear-all');
      clear.type = 'button';
      clear.addEventListener('click', () =>
        go({ ...s, province: [], industry: [], area: [], year: [], page: 1 }));
      box.append(clear);
    }
    box.hidden = !any;
    $('per-page').value = String(s.size);
    $('sort').value = s.sort;
  }

  // What the query was understood as: a chip per place, area and sector, which the user can take
  // out of the query or turn into a filter; and the typo line (已显示“富硒”的结果).
  const DIMENSION = { province: 'province', area: 'area', sector: 'industry' };
  const LABEL = en
    ? { province: 'Province', city: 'City', area: 'Region', sector: 'Sector' }
    : { province: '省份', city: '城市', area: '区域', sector: '产业门类' };

  function renderUnderstood(body, s) {
    const box = $('understood');
    box.replaceChildren();
    const u = body.understood || {};
    for (const kind of ['province', 'city', 'area', 'sector']) {
      for (const value of u[kind] || []) {
        const chip = text('span', LABEL[kind] + COLON + (DIMENSION[kind] ? display(DIMENSION[kind], value) : value), 'chip understood');
        const remove = text('button', '×', 'chip-remove');
        remove.type = 'button';
        remove.setAttribute('aria-label', t('从查询中去掉“' + value + '”', 'Take ' + value + ' out of the query'));
        remove.addEventListener('click', () => go({ ...s, q: withoutWord(s.q, value), page: 1 }));
        chip.append(remove);
        if (DIMENSION[kind]) {
          const filter = text('button', t('设为筛选', 'Use as a filter'), 'chip-filter');
          filter.type = 'button';
          filter.addEventListener('click', () => {
            const dim = DIMENSION[kind];
            go({ ...s, q: withoutWord(s.q, value), [dim]: [...s[dim], value], page: 1 });
          });
          chip.append(filter);
        }
        box.append(chip);
      }
    }
    box.hidden = box.childElementCount === 0;
    const line = $('did-you-mean');
    line.replaceChildren();
    if (body.didYouMean) {
      const exact = document.createElement('a');
      exact.href = '?' + toParams({ ...s, exact: true, page: 1 }, false);
      exact.textContent = t('仍然搜索“' + body.didYouMean.original + '”', 'Search for “' + body.didYouMean.original + '” instead');
      exact.addEventListener('click', (e) => {
        e.preventDefault();
        go({ ...s, exact: true, page: 1 });
      });
      line.append(t('已显示“' + body.didYouMean.text + '”的结果。', 'Showing results for “' + body.didYouMean.text + '”.'), exact);
    }
    line.hidden = !body.didYouMean;
  }

  /** The query without a word the user turned into a filter or took out. */
  function withoutWord(q, word) {
    return q.split(word).join(' ').replace(/\s+/g, ' ').trim();
  }

  // An empty result suggests what the list does hold: its most common industries, as searches.
  async function suggestions(li) {
    const res = await fetch('/api/facets').catch(() => null);
    if (!res || !res.ok) return;
    const facets = (await res.json()).facets;
    const popular = facets.industry
      .flatMap((sector) => sector.children || [])
      .sort((a, b) => b.count - a.count)
      .slice(0, 6);
    const p = document.createElement('p');
    p.className = 'try';
    p.append(t('试试：', 'Try: '));
    popular.forEach((f, i) => {
      const a = document.createElement('a');
      a.href = '?q=' + encodeURIComponent(f.value);
      a.textContent = en && f.labelEn ? f.labelEn : f.value;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        go({ ...stateFromUrl(), q: f.value, page: 1, exact: false });
      });
      p.append(i > 0 ? t('、', ', ') : '', a);
    });
    li.append(p);
  }

  function renderHits(body, s) {
    const ol = $('results');
    ol.replaceChildren();
    if (body.hits.length === 0) {
      const none = s.q
        ? t(`没有与“${s.q}”匹配的集群。`, `No cluster matches “${s.q}”.`)
        : t('没有符合筛选条件的集群。', 'No cluster meets these filters.');
      const li = text('li', en ? none : body.note || none, 'empty');
      ol.append(li);
      suggestions(li);
      return;
    }
    let headed = false;
    for (const h of body.hits) {
      if (h.match === 'related' && !headed) {
        // Related clusters under their own heading, after every match (same industry elsewhere,
        // the place's other industries, a concept's neighbours).
        const heading = body.total
          ? t(`另有 ${body.related} 个相关集群`, `${body.related} related ${body.related === 1 ? 'cluster' : 'clusters'}`)
          : (en ? 'No exact match; related clusters' : body.note || '相关集群');
        ol.append(text('li', heading, 'related-heading'));
        headed = true;
      }
      const li = document.createElement('li');
      li.dataset.id = h.id;
      const title = document.createElement('h2');
      const page = document.createElement('a');
      page.href = window.I18n.keep('/clusters/' + encodeURIComponent(h.id));
      if (s.lang === 'en') {
        page.textContent = h.nameEn;
        title.lang = 'en';
      } else {
        page.innerHTML = h.highlight.name; // escaped by the server
      }
      title.append(page);
      const builder = document.createElement('p');
      builder.className = 'builder';
      builder.innerHTML = t('建设单位：', 'Builder unit: ') + h.highlight.builder; // escaped by the server
      li.append(title, builder,
        text('span', s.lang === 'en' ? h.provinceEn : h.province, 'chip'),
        text('span', s.lang === 'en' ? h.sectorEn + ' / ' + h.industryEn
          : h.sector + ' / ' + h.industry, 'chip'),
        text('span', t(h.year + ' 年 · 第 ' + h.seq + ' 号', h.year + ' list · No. ' + h.seq), 'chip'));
      ol.append(li);
    }
  }

  // English labels of facet values, learnt from every facets answer (value → labelEn); a value
  // without one (or the page in Chinese) shows as the list writes it.
  const english = { province: new Map(), industry: new Map(), area: new Map(), year: new Map() };
  function learn(facets) {
    for (const f of facets.province || []) if (f.labelEn) english.province.set(f.value, f.labelEn);
    for (const f of facets.area || []) if (f.labelEn) english.area.set(f.value, f.labelEn);
    for (const sector of facets.industry || []) {
      if (sector.labelEn) english.industry.set(sector.value, sector.labelEn);
      for (const c of sector.children || []) {
        if (c.labelEn) english.industry.set(sector.value + '/' + c.value, c.labelEn);
        if (c.labelEn) english.industry.set(c.value, c.labelEn);
      }
    }
  }
  /** A filter value as the sidebar shows it: its last part, in English where the page is. */
  function display(dim, value) {
    return (en && english[dim].get(value)) || value.split('/').pop();
  }

  function checkbox(dim, value, count, checked, s) {
    const id = 'f-' + dim + '-' + value;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = checked;
    box.dataset.dim = dim;
    box.value = value;
    box.addEventListener('change', () => {
      const next = stateFromUrl();
      next[dim] = box.checked ? [...next[dim], value] : next[dim].filter((v) => v !== value);
      next.page = 1;
      go(next);
    });
    label.htmlFor = id;
    label.append(box, ' ' + display(dim, value), text('span', String(count), 'count'));
    return label;
  }

  // The search answers the top values of each dimension; "更多" asks /api/facets for every value,
  // and a long list gets a filter box.
  const FACET_TOP = 10;
  let allFacets = null;

  async function showAll(s) {
    const params = toParams({ ...s, page: 1 }, false);
    params.delete('lang');
    const asked = params.toString();
    const res = await fetch('/api/facets?' + params).catch(() => null);
    if (!res || !res.ok || asked !== currentQuery()) return; // a newer search replaced this one
    allFacets = (await res.json()).facets;
    learn(allFacets);
    renderFacets(allFacets, s, true);
  }

  function currentQuery() {
    const p = toParams({ ...stateFromUrl(), page: 1 }, false);
    p.delete('lang');
    return p.toString();
  }

  function moreButton(s) {
    const more = text('button', t('更多', 'More'), 'facet-more');
    more.type = 'button';
    more.setAttribute('aria-expanded', 'false');
    more.addEventListener('click', () => showAll(s));
    return more;
  }

  function filterBox(list, what) {
    const box = document.createElement('input');
    box.type = 'search';
    box.className = 'facet-filter';
    box.placeholder = t('筛选' + what, 'Find a ' + what.toLowerCase());
    box.setAttribute('aria-label', box.placeholder);
    box.addEventListener('input', () => {
      const needle = box.value.trim().toLowerCase();
      for (const li of list.children) {
        li.hidden = needle !== '' && !li.textContent.toLowerCase().includes(needle);
      }
    });
    return box;
  }

  // The facet value a province as written in the URL stands for: 山东省 and shandong are 山东 (the
  // API reads them so); the value itself when no facet value matches it.
  function canonicalProvince(v, values) {
    const f = values.find((f) => f.value === v)
      || values.find((f) => f.labelEn && f.labelEn.toLowerCase() === v.toLowerCase())
      || values.find((f) => v.startsWith(f.value) && /^(省|市|自治区|.{1,4}自治区|特别行政区)$/.test(v.slice(f.value.length)));
    return f ? f.value : v;
  }

  function renderFacets(facets, s, all) {
    // A province written another way ticks its canonical value, and the URL says it that way.
    const canon = [...new Set(s.province.map((v) => canonicalProvince(v, facets.province)))];
    if (canon.join('\u0000') !== s.province.join('\u0000')) {
      s = { ...s, province: canon };
      history.replaceState(null, '', '?' + toParams(s, true));
    }
    const provinces = $('facet-province');
    provinces.replaceChildren();
    for (const extra of document.querySelectorAll('.facet-more, .facet-filter')) extra.remove();
    const shown = new Set();
    for (const f of facets.province) {
      shown.add(f.value);
      const li = document.createElement('li');
      li.append(checkbox('province', f.value, f.count, s.province.includes(f.value), s));
      provinces.append(li);
    }
    for (const v of s.province.filter((v) => !shown.has(v))) {
      const li = document.createElement('li');
      li.append(checkbox('province', v, 0, true, s));
      provinces.append(li);
    }
    if (all && facets.province.length > FACET_TOP) {
      provinces.before(filterBox(provinces, t('省份', 'Province')));
    } else if (!all && facets.province.length >= FACET_TOP) {
      provinces.after(moreButton(s));
    }
    const industries = $('facet-industry');
    industries.replaceChildren();
    for (const sector of facets.industry) {
      const li = document.createElement('li');
      const open = s.industry.some((v) => v.startsWith(sector.value + '/'));
      const toggle = text('button', open ? '▾' : '▸', 'toggle');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-label', t('展开 ', 'Expand ') + display('industry', sector.value));
      const children = document.createElement('ul');
      children.hidden = !open;
      toggle.addEventListener('click', () => {
        children.hidden = !children.hidden;
        toggle.textContent = children.hidden ? '▸' : '▾';
        toggle.setAttribute('aria-expanded', String(!children.hidden));
      });
      for (const c of sector.children || []) {
        const path = sector.value + '/' + c.value;
        const cli = document.createElement('li');
        cli.append(checkbox('industry', path, c.count, s.industry.includes(path), s));
        children.append(cli);
      }
      li.append(toggle, checkbox('industry', sector.value, sector.count, s.industry.includes(sector.value), s), children);
      industries.append(li);
    }
    flat('area', facets.area || [], s);
    flat('year', facets.year || [], s);
    const truncated = facets.industry.some((f) => (f.children || []).length >= FACET_TOP);
    if (!all && truncated) {
      industries.after(moreButton(s));
    }
  }

  /** A flat dimension (area, year): a checkbox per value, selected values kept when counted 0. */
  function flat(dim, values, s) {
    const list = $('facet-' + dim);
    list.replaceChildren();
    const shown = new Set();
    for (const f of values) {
      shown.add(f.value);
      const li = document.createElement('li');
      li.append(checkbox(dim, f.value, f.count, s[dim].includes(f.value), s));
      list.append(li);
    }
    for (const v of s[dim].filter((v) => !shown.has(v))) {
      const li = document.createElement('li');
      li.append(checkbox(dim, v, 0, true, s));
      list.append(li);
    }
  }

  // The phone's filter drawer; it closes when a filter is picked (the page re-renders).
  function drawer(open) {
    $('facets').classList.toggle('open', open);
    $('filters-open').setAttribute('aria-expanded', String(open));
    if (open) $('filters-close').focus();
  }
  $('filters-open').addEventListener('click', () => drawer(true));
  $('filters-close').addEventListener('click', () => drawer(false));

  $('per-page').addEventListener('change', (e) =>
    go({ ...stateFromUrl(), size: parseInt(e.target.value, 10), page: 1 }));
  $('sort').addEventListener('change', (e) => go({ ...stateFromUrl(), sort: e.target.value, page: 1 }));

  function renderPager(total, s) {
    const nav = $('pager');
    nav.replaceChildren();
    const pages = Math.ceil(total / s.size);
    if (pages <= 1) return;
    const link = (page, label) => {
      if (page === s.page) {
        const cur = text('span', label);
        cur.setAttribute('aria-current', 'page');
        return cur;
      }
      const a = text('a', label);
      a.href = '?' + toParams({ ...s, page }, true);
      a.addEventListener('click', (e) => { e.preventDefault(); go({ ...s, page }); });
      return a;
    };
    if (s.page > 1) nav.append(link(s.page - 1, t('上一页', 'Previous')));
    for (let p = 1; p <= pages; p++) nav.append(link(p, String(p)));
    if (s.page < pages) nav.append(link(s.page + 1, t('下一页', 'Next')));
  }

  // Autocomplete: a listbox under the box, driven by the keyboard or the mouse.
  let active = -1;
  let timer;
  let generation = 0; // a search or a pick makes suggestions still on their way stale
  function closeSuggestions() {
    clearTimeout(timer);
    generation++;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function pick(value) {
    closeSuggestions();
    go({ ...stateFromUrl(), q: value, page: 1, exact: false });
  }
  function choose(li) {
    if (li.dataset.id) {
      closeSuggestions();
      location.href = window.I18n.keep('/clusters/' + encodeURIComponent(li.dataset.id));
    } else {
      pick(li.firstChild.textContent);
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { closeSuggestions(); return; }
    const mine = ++generation;
    timer = setTimeout(async () => {
      try {
        const res = await fetch('/api/suggest?size=8&q=' + encodeURIComponent(q));
        if (!res.ok) return closeSuggestions();
        const body = await res.json();
        if (mine !== generation || document.activeElement !== input) return;
        list.replaceChildren();
        body.suggestions.forEach((sg, i) => {
          const li = text('li', sg.text);
          li.id = 'sg-' + i;
          li.setAttribute('role', 'option');
          const kinds = en
            ? { industry: 'industry', sector: 'sector', place: 'place', area: 'region', name: 'cluster' }
            : { industry: '产业', sector: '门类', place: '地区', area: '区域', name: '集群' };
          li.append(text('small', kinds[sg.kind] + ' · ' + sg.count));
          // A cluster's full name opens that cluster; every other suggestion is searched.
          if (sg.id) li.dataset.id = sg.id;
          li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(li); });
          list.append(li);
        });
        list.hidden = body.suggestions.length === 0;
        input.setAttribute('aria-expanded', String(!list.hidden));
        active = -1;
      } catch (e) { closeSuggestions(); }
    }, 120);
  });
  input.addEventListener('keydown', (e) => {
    const items = [...list.children];
    if (list.hidden || items.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', items[active].id);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === 'Escape') {
      closeSuggestions();
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    closeSuggestions();
    go({ ...stateFromUrl(), q: input.value.trim(), page: 1, exact: false });
  });
  window.addEventListener('popstate', render);
  render();
})();
