// The demo intranet's only script. The page loads it with its CSP nonce;
// 'strict-dynamic' lets the modules it imports run, and nothing else.
//
// It asks the demo server (GET /v1/demo, loopback only) who works at the
// demo organisation, lets the visitor act as any of them, and hands the
// provider a getToken() that fetches that employee's token (POST
// /v1/demo/token) through the SDK. The token stays in this module's memory:
// never in the DOM, never in storage. Only the chosen employee's id is
// remembered, in sessionStorage. A new getToken() makes the provider build a
// new client, and every widget loads again as the new employee.
import { createClient } from '/cdn/advocacy.js';
import { demoTokenProvider } from './demo-token.js';

const STORAGE_KEY = 'advocacy-demo/employee';

const MESSAGES = {
  en: {
    acting: (name) => `You are acting as ${name}.`,
    admin: 'admin',
    unavailable: (url) => `The demo employees are available only to a browser on the machine running the server: open ${url} there.`,
    none: 'No demo employee',
  },
  fr: {
    acting: (name) => `Vous agissez en tant que ${name}.`,
    admin: 'admin',
    unavailable: (url) => `Les employés de démonstration ne sont accessibles qu’à un navigateur sur la machine du serveur : ouvrez-y ${url}.`,
    none: 'Aucun employé de démonstration',
  },
};

const t = document.documentElement.lang.startsWith('fr') ? MESSAGES.fr : MESSAGES.en;
const select = /** @type {HTMLSelectElement} */ (document.getElementById('employee'));
const status = /** @type {HTMLElement} */ (document.getElementById('identity-status'));
const problem = /** @type {HTMLElement} */ (document.getElementById('identity-problem'));
/** The page's `<adv-provider>`: getToken and apiUrl are its properties. */
const provider = document.getElementById('provider');
const organisationName = document.getElementById('organisation-name');
/** Shown while the chosen employee is a programme admin: their console. */
const consoleLink = document.getElementById('console-link');

/** The demo routes live on this very server. */
const demoApi = createClient({ baseUrl: location.origin });

function rememberedEmployee() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: start with the first employee
  }
}

function remember(employeeId) {
  try {
    sessionStorage.setItem(STORAGE_KEY, employeeId);
  } catch {
    // Not remembered across reloads; nothing else changes.
  }
}

function optionFor(employee) {
  const option = document.createElement('option');
  option.value = employee.id;
  option.textContent = `${employee.name} — ${employee.role}${employee.isAdmin ? ` (${t.admin})` : ''}`;
  return option;
}

/** One group per team, people in alphabetical order. */
function fillPicker(employees) {
  const teams = new Map();
  for (const employee of [...employees].sort((a, b) => a.name.localeCompare(b.name, document.documentElement.lang))) {
    const team = employee.team || '—';
    if (!teams.has(team)) teams.set(team, []);
    teams.get(team).push(employee);
  }
  const groups = [...teams.keys()].sort((a, b) => a.localeCompare(b, document.documentElement.lang)).map((team) => {
    const group = document.createElement('optgroup');
    group.label = team;
    group.append(...teams.get(team).map(optionFor));
    return group;
  });
  select.replaceChildren(...groups);
}

function actAs(employee, apiUrl) {
  remember(employee.id);
  // Both in one task: the provider builds one client, with the new token function.
  provider.getToken = demoTokenProvider(demoApi, employee.id);
  provider.apiUrl = apiUrl;
  status.textContent = t.acting(employee.name);
  if (consoleLink) consoleLink.hidden = !employee.isAdmin;
}

async function start() {
  let demo;
  try {
    demo = await demoApi.demo.get();
  } catch (error) {
    console.error(error);
    const option = document.createElement('option');
    option.textContent = t.none;
    select.replaceChildren(option);
    problem.textContent = t.unavailable(`http://localhost${location.port ? `:${location.port}` : ''}${location.pathname}${location.search}`);
    problem.hidden = false;
    // Without an employee the widgets would wait forever: show the explanation alone.
    provider.hidden = true;
    return;
  }
  if (organisationName) organisationName.textContent = demo.organisation.name;
  const people = new Map(demo.employees.map((employee) => [employee.id, employee]));
  const first = people.get(rememberedEmployee() ?? '') ?? demo.employees[0];
  if (!first) {
    problem.textContent = t.none;
    problem.hidden = false;
    return;
  }
  fillPicker(demo.employees);
  select.value = first.id;
  select.disabled = false;
  select.addEventListener('change', () => {
    const employee = people.get(select.value);
    if (employee) actAs(employee, demo.apiUrl);
  });
  actAs(first, demo.apiUrl);
}

void start();
