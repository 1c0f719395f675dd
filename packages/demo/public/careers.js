// The demo career site, once JavaScript runs: the filters update the hydrated
// widgets in place (they fetch from the API with the page's publishable key)
// and the address, instead of reloading the page. Without JavaScript the same
// form is a plain GET the server renders. No HTML is built here: only
// attributes and text (the page's CSP requires Trusted Types for HTML).
const form = document.querySelector('form.careers-filters');
const widgets = [...document.querySelectorAll('adv-testimonials')];
const count = document.getElementById('careers-count');

function filters() {
  const data = new FormData(form);
  return { team: String(data.get('team') ?? ''), location: String(data.get('location') ?? '') };
}

function apply(event) {
  event?.preventDefault();
  const chosen = filters();
  for (const widget of widgets) {
    for (const [name, value] of Object.entries(chosen)) {
      if (value) widget.setAttribute(name, value);
      else widget.removeAttribute(name);
    }
  }
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(chosen)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(null, '', url);
}

/** "3 stories" after the grid loads new testimonials, in the page's language. */
function updateCount(event) {
  if (event.target !== widgets[0] || !count) return;
  const shown = event.detail?.empty ? 0 : (widgets[0].shadowRoot?.querySelectorAll('[part="testimonial"]').length ?? 0);
  const form = new Intl.PluralRules(document.documentElement.lang).select(shown) === 'one' ? 'one' : 'other';
  count.textContent = (count.dataset[form] ?? '').replace('{count}', new Intl.NumberFormat(document.documentElement.lang).format(shown));
}

/** If the API refuses or fails, the server renders the same filters: submit the form as it would work without JavaScript. */
function fallBack() {
  form.removeEventListener('submit', apply);
  form.submit();
}

if (form && widgets.length > 0) {
  form.addEventListener('submit', apply);
  form.addEventListener('change', () => apply());
  widgets[0].addEventListener('adv-load', updateCount);
  widgets[0].addEventListener('adv-error', fallBack, { once: true });
}
