import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml } from '@advocacy/server';
import { intranetFooter, intranetHead } from '../intranet-frame.js';
import { languageLinks, pickLang, type Lang } from '../page-languages.js';
import { DEMO_ORGANISATION } from '../seed/demo-data.js';
import { newNonce, strictCsp } from '../strict-csp.js';

/** The console's sections, in page order: the anchor, the widget's tag, and its heading and note per language. */
export const ADMIN_SECTIONS = [
  { id: 'dashboard', tag: 'adv-program-dashboard', en: 'Programme dashboard', fr: 'Tableau de bord du programme' },
  { id: 'content', tag: 'adv-content-library', en: 'Content library', fr: 'Bibliothèque de contenus' },
  { id: 'moderation', tag: 'adv-moderation-queue', en: 'Testimonials to moderate', fr: 'Témoignages à modérer' },
  { id: 'people', tag: 'adv-people', en: 'People', fr: 'Personnes' },
  { id: 'settings', tag: 'adv-program-settings', en: 'Programme settings', fr: 'Réglages du programme' },
] as const;

const STRINGS = {
  en: {
    title: `${DEMO_ORGANISATION.name} programme console — Advocacy Kit demo`,
    skip: 'Skip to the console',
    console: 'Programme console',
    language: 'Language',
    sections: 'Console sections',
    loadingAdmin: 'Signing in as the demo programme admin…',
    heading: `Run the ${DEMO_ORGANISATION.name} advocacy programme`,
    intro: 'Publish and schedule content, moderate testimonials, read and export the figures, and manage people and settings: every part below is a widget you can embed in your own intranet.',
    missing: 'This part of the console is not in this build of advocacy-admin.js yet.',
    footer: 'Demo data of a fictional company. Everything here runs on this server.',
    intranet: 'Intranet',
    careers: 'Career site',
    start: 'Start page',
  },
  fr: {
    title: `Console du programme ${DEMO_ORGANISATION.name} — démo Advocacy Kit`,
    skip: 'Aller à la console',
    console: 'Console du programme',
    language: 'Langue',
    sections: 'Parties de la console',
    loadingAdmin: 'Connexion en tant qu’administrateur de démonstration du programme…',
    heading: `Pilotez le programme d’ambassadeurs de ${DEMO_ORGANISATION.name}`,
    intro: 'Publiez et planifiez des contenus, modérez les témoignages, lisez et exportez les chiffres, gérez les personnes et les réglages : chaque partie ci-dessous est un widget que vous pouvez intégrer à votre propre intranet.',
    missing: 'Cette partie de la console n’est pas encore dans cette version d’advocacy-admin.js.',
    footer: 'Données de démonstration d’une entreprise fictive. Tout fonctionne sur ce serveur.',
    intranet: 'Intranet',
    careers: 'Site carrières',
    start: 'Page d’accueil',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * The console page. Like the intranet: no inline style or script but the
 * nonce'd module, which signs in as the demo admin; the widgets stay busy
 * until it has. Each section holds a hidden note, shown by the module when
 * its tag is not registered (a build without that widget yet).
 */
export function renderAdminPage(lang: Lang, nonce: string): string {
  const t = STRINGS[lang];
  const e = escapeHtml;
  const languages = languageLinks(lang, (option) => `?lang=${option}`);
  const nav = ADMIN_SECTIONS.map((section) => `<li><a href="#${section.id}">${e(section[lang])}</a></li>`).join('');
  const sections = ADMIN_SECTIONS.map(
    (section) => `    <section id="${section.id}" class="console-section" aria-labelledby="${section.id}-heading" tabindex="-1">
      <h2 id="${section.id}-heading">${e(section[lang])}</h2>
      <p class="widget-missing" data-tag="${section.tag}" hidden>${e(t.missing)}</p>
      <${section.tag}></${section.tag}>
    </section>`,
  ).join('\n');
  return `<!doctype html>
<html lang="${lang}">
${intranetHead(t.title, { src: '/demo/admin.js', nonce })}
<body class="intranet console">
<header class="masthead">
  <a class="skip-link" href="#main">${e(t.skip)}</a>
  <div class="masthead-inner">
    <p class="brand"><span class="brand-mark" aria-hidden="true">${e(DEMO_ORGANISATION.name.charAt(0))}</span><span class="brand-name" id="organisation-name">${e(DEMO_ORGANISATION.name)}</span> <span class="brand-section">${e(t.console)}</span></p>
    <nav class="languages" aria-label="${e(t.language)}"><ul>${languages}</ul></nav>
  </div>
  <p id="identity-status" class="identity-status" role="status">${e(t.loadingAdmin)}</p>
  <p id="identity-problem" class="identity-problem" role="alert" hidden></p>
</header>
<nav class="console-nav" aria-label="${e(t.sections)}"><ul>${nav}</ul></nav>
<main id="main" tabindex="-1">
  <div class="intro">
    <h1>${e(t.heading)}</h1>
    <p>${e(t.intro)}</p>
  </div>
  <adv-provider id="provider">
${sections}
  </adv-provider>
</main>
${intranetFooter(lang, t.footer, [
  { path: '/demo/intranet', label: t.intranet },
  { path: '/demo/careers', label: t.careers },
  { path: '/', label: t.start },
])}
</body>
</html>
`;
}

/** `GET /demo/admin` (demo mode only, see app.ts): the programme console, as the demo admin, under the intranet's strict CSP. */
export const adminPageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/demo/admin', async (request, reply) => {
    const nonce = newNonce();
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', strictCsp(nonce))
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'same-origin')
      .send(renderAdminPage(pickLang(request.query), nonce));
  });
};
