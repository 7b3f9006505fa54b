// Swagger UI over the hand-written OpenAPI document, served from the jar (no CDN); a script of
// its own because the Content Security Policy admits no inline script.
//
// Made to pass axe like the other pages (docs.css has the colours):
// - deep links are off: Swagger UI puts them as links inside each operation's toggle button, which
//   axe reports as nested interactive controls (a screen reader cannot reach the link);
// - its servers list is a <select> without a name; the title block and the servers block sit
//   outside every landmark; the tags and "Schemas" are <h3> and <h4> under the <h1> title. Each is mended when Swagger UI
//   draws it (it redraws parts as operations open, so the observer stays).
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: false,
  tryItOutEnabled: true,
});
function mend(selector, attributes) {
  for (const el of document.querySelectorAll(selector)) {
    for (const [name, value] of Object.entries(attributes)) {
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }
  }
}
new MutationObserver(() => {
  mend('#servers', { 'aria-label': 'Server' });
  mend('.information-container', { role: 'banner' });
  mend('.scheme-container', { role: 'region', 'aria-label': 'Server and authorization' });
  mend('.opblock-tag, .models > h4', { 'aria-level': '2' });
}).observe(document.getElementById('swagger-ui'), { childList: true, subtree: true });
