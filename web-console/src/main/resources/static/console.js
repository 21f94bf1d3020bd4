// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}
// A form sent back with errors opens on the tab that holds it.
const tab = document.body.dataset.openTab;
if (tab && !window.location.hash) {
  history.replaceState(null, '', '#' + tab);
}
initAll();
