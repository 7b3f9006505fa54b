// Swagger UI over the hand-written OpenAPI document, served from the jar (no CDN); a script of
// its own because the Content Security Policy admits no inline script.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: true,
});
