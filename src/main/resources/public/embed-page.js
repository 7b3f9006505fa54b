// The iframe page /embed: the widget with the options of the page's URL (a script of its own:
// the Content Security Policy admits no inline script).
const p = new URLSearchParams(location.search);
ClusterSearch.mount(document.getElementById('widget'), {
  province: p.get('province') || undefined,
  industry: p.get('industry') || undefined,
  size: p.get('size') ? parseInt(p.get('size'), 10) : 5,
  lang: p.get('lang') || 'zh',
});

// Tell a parent page the height of this page, so that its iframe can fit it:
// window.addEventListener('message', (e) => { if (e.data.type === 'cluster-search:height') … }).
if (window.parent !== window && window.ResizeObserver) {
  new ResizeObserver(() => {
    window.parent.postMessage(
      { type: 'cluster-search:height', height: document.documentElement.scrollHeight }, '*');
  }).observe(document.body);
}
