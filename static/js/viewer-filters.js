// The Pledge Viewer's filters, enhanced (the form works without this file: its
// "Show pledges" buttons send it). Ticking or unticking an option sends the
// form at once; after the new page loads, the focus is back on the option that
// was changed and the number of results is announced (the role="status"
// paragraph after the results heading). The sort and the search still wait for
// a button, so arrowing through the sort options reloads nothing.
(() => {
  "use strict";
  const form = document.getElementById("viewer-filters");
  if (!form) return;
  const KEY = "portal-viewer-changed";
  const help = document.getElementById("viewer-auto-help");
  if (help) help.hidden = false;

  form.addEventListener("change", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || field.type !== "checkbox") return;
    try {
      sessionStorage.setItem(KEY, field.id);
    } catch {
      // Storage refused (private mode): the page still updates, the focus starts at the top.
    }
    form.requestSubmit();
  });

  let changed = null;
  try {
    changed = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  if (changed === null) return;
  const heading = document.getElementById("results-title");
  const option = document.getElementById(changed);
  if (option) {
    const facet = option.closest("details");
    if (facet) facet.open = true;
    option.focus();
  } else if (heading) {
    heading.focus(); // the option is gone (no pledge left for it): go to the results
  }
  const status = document.getElementById("viewer-status");
  if (status && heading) {
    // Filled after the page has loaded, so assistive technologies hear the change.
    window.setTimeout(() => {
      status.textContent = heading.textContent.trim();
    }, 100);
  }
})();
