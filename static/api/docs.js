// Starts Swagger UI on the API's documentation page (templates/api/docs.html):
// a file, not an inline script, so the page works under a Content Security
// Policy without 'unsafe-inline'. Without JavaScript the page's reference
// stays, and the explorer's section stays hidden.
(function () {
  var section = document.querySelector("[data-api-explorer]");
  var target = document.getElementById("swagger-ui");
  if (!section || !target || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  section.hidden = false;
  window.SwaggerUIBundle({
    url: target.dataset.openapiUrl,
    domNode: target,
    deepLinking: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    tryItOutEnabled: true,
    validatorUrl: null
  });
})();
