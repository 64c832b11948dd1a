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

  // The page says what the API is under its own heading: Swagger UI's info
  // block would repeat it under a second <h1>.
  function withoutInfo() {
    return { components: { InfoContainer: function () { return null; } } };
  }

  // Swagger UI leaves some controls without a name (a parameter's select, the
  // copy buttons) and code blocks that scroll without keyboard access: give
  // them what assistive technology needs as they appear.
  function label() {
    target.querySelectorAll("tr[data-param-name]").forEach(function (row) {
      row.querySelectorAll("select, input, textarea").forEach(function (control) {
        if (!control.getAttribute("aria-label") && !control.labels.length) {
          control.setAttribute("aria-label", row.dataset.paramName);
        }
      });
    });
    target.querySelectorAll(".copy-to-clipboard button:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", "Copy to the clipboard");
    });
    target.querySelectorAll("pre:not([tabindex])").forEach(function (block) {
      block.setAttribute("tabindex", "0");
    });
  }

  section.hidden = false;
  window.SwaggerUIBundle({
    url: target.dataset.openapiUrl,
    domNode: target,
    deepLinking: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    plugins: [withoutInfo],
    layout: "BaseLayout",
    tryItOutEnabled: true,
    // No "Schemas" section: each operation shows its own answers' schemas.
    defaultModelsExpandDepth: -1,
    // Plain code blocks: the highlighting theme's colours are too faint to read.
    syntaxHighlight: { activated: false },
    validatorUrl: null
  });
  new MutationObserver(label).observe(target, { childList: true, subtree: true });
})();
