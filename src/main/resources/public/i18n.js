// The pages in Chinese, or in English with ?lang=en: every page loads this first. Strings in the
// scripts are written in both languages where they are used, t('中文', 'English'); the static HTML
// gives its English in data-en (the element's text) and data-en-<attribute> (placeholder,
// aria-label, title), swapped in here. A link in the header switches language and keeps the rest
// of the URL.
(function () {
  'use strict';
  const en = new URLSearchParams(location.search).get('lang') === 'en';

  function t(zh, english) {
    return en ? english : zh;
  }

  /** A same-site URL with the page's language kept (lang=en added when the page is English). */
  function keep(url) {
    if (!en) return url;
    const u = new URL(url, location.href);
    u.searchParams.set('lang', 'en');
    return u.pathname + u.search + u.hash;
  }

  function apply(root) {
    if (en) {
      document.documentElement.lang = 'en';
      for (const el of root.querySelectorAll('[data-en]')) el.textContent = el.dataset.en;
      for (const attr of ['placeholder', 'aria-label', 'title', 'content']) {
        for (const el of root.querySelectorAll('[data-en-' + attr + ']')) {
          el.setAttribute(attr, el.getAttribute('data-en-' + attr));
        }
      }
      const title = document.querySelector('title[data-en]');
      if (title) document.title = title.dataset.en;
    }
    const toggle = document.getElementById('lang-switch');
    if (toggle) {
      const u = new URL(location.href);
      if (en) u.searchParams.delete('lang'); else u.searchParams.set('lang', 'en');
      toggle.href = u.pathname + u.search;
      toggle.textContent = en ? '中文' : 'English';
      toggle.lang = en ? 'zh-CN' : 'en';
    }
  }

  window.I18n = { en, t, keep, apply };
  apply(document);
})();
