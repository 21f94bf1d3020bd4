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
// The unread count in the header, kept live: the console's event stream sends the new count whenever something
// arrives (a browser's own EventSource; no library needed for one number).
const unread = document.querySelector('[data-live-unread]');
if (unread && 'EventSource' in window) {
  new EventSource(unread.dataset.liveUnread).addEventListener('unread', (event) => {
    const count = Number.parseInt(event.data, 10);
    unread.replaceChildren();
    if (count > 0) {
      const number = document.createElement('span');
      number.className = 'casebridge-unread';
      number.id = 'unread-count';
      number.textContent = String(count);
      const words = document.createElement('span');
      words.className = 'govuk-visually-hidden';
      words.textContent = ' unread';
      unread.append(number, words);
    }
  });
}
