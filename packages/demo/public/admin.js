// The demo programme console's only script, loaded with the page's CSP nonce
// ('strict-dynamic' lets the modules it imports run, and nothing else).
//
// It asks the demo server (GET /v1/demo, loopback only) for the demo
// organisation's programme admin, and hands the provider a getToken() that
// fetches that admin's token (POST /v1/demo/token), as the intranet does for
// an employee. The token stays in this module's memory.
//
// advocacy-admin.js alone brings the console's widgets, the provider and the
// share card the content library previews in; the client for the demo routes
// comes from advocacy-sdk.js, which has no Lit. Not advocacy.js beside it:
// each bundle carries its own Lit, and the second one's Trusted Types policy
// named 'lit-html' is refused under `trusted-types lit-html` (no
// 'allow-duplicates'), so no admin widget would register under the strict CSP.
import { createClient } from '/cdn/advocacy-sdk.js';
import '/cdn/advocacy-admin.js';
import { demoTokenProvider } from './demo-token.js';

const MESSAGES = {
  en: {
    acting: (name) => `You are acting as ${name}, programme admin.`,
    unavailable: (url) => `The demo admin is available only to a browser on the machine running the server: open ${url} there.`,
    none: 'The demo organisation has no programme admin.',
  },
  fr: {
    acting: (name) => `Vous agissez en tant que ${name}, administrateur du programme.`,
    unavailable: (url) => `L’administrateur de démonstration n’est accessible qu’à un navigateur sur la machine du serveur : ouvrez-y ${url}.`,
    none: 'L’organisation de démonstration n’a pas d’administrateur du programme.',
  },
};

const t = document.documentElement.lang.startsWith('fr') ? MESSAGES.fr : MESSAGES.en;
const status = /** @type {HTMLElement} */ (document.getElementById('identity-status'));
const problem = /** @type {HTMLElement} */ (document.getElementById('identity-problem'));
/** The page's `<adv-provider>`: getToken and apiUrl are its properties. */
const provider = document.getElementById('provider');
const organisationName = document.getElementById('organisation-name');

/** The demo routes live on this very server. */
const demoApi = createClient({ baseUrl: location.origin });

/** Sections whose widget this build does not register say so, instead of staying blank. */
function noteMissingWidgets() {
  for (const note of document.querySelectorAll('.widget-missing')) {
    note.hidden = customElements.get(note.dataset.tag ?? '') !== undefined;
  }
}

function fail(message) {
  status.textContent = '';
  problem.textContent = message;
  problem.hidden = false;
  // Without a token the widgets would wait forever: show the explanation alone.
  provider.hidden = true;
}

async function start() {
  noteMissingWidgets();
  let demo;
  try {
    demo = await demoApi.demo.get();
  } catch (error) {
    console.error(error);
    fail(t.unavailable(`http://localhost${location.port ? `:${location.port}` : ''}${location.pathname}${location.search}`));
    return;
  }
  if (organisationName) organisationName.textContent = demo.organisation.name;
  // The demo's programme admin (Jonas Weber): the first admin in the demo's own order.
  const admin = demo.employees.find((employee) => employee.isAdmin);
  if (!admin) {
    fail(t.none);
    return;
  }
  provider.getToken = demoTokenProvider(demoApi, admin.id);
  provider.apiUrl = demo.apiUrl;
  status.textContent = t.acting(admin.name);
}

void start();
