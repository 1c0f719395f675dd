import type { FastifyPluginAsync } from 'fastify';
import { escapeHtml, type ServerContext } from '@advocacy/server';
import { intranetFooter, intranetHead } from '../intranet-frame.js';
import { languageLinks, pickLang, type Lang } from '../page-languages.js';
import { DEMO_ORGANISATION } from '../seed/demo-data.js';
import { newNonce, strictCsp } from '../strict-csp.js';
import { estimatedReachHref } from './estimated-reach-page.js';

const STRINGS = {
  en: {
    title: `${DEMO_ORGANISATION.name} intranet — Advocacy Kit demo`,
    skip: 'Skip to main content',
    intranet: 'Intranet',
    language: 'Language',
    identity: 'Demo identity',
    actAs: 'Act as',
    loadingPeople: 'Loading the demo employees…',
    heading: `Welcome back! Here is what is new at ${DEMO_ORGANISATION.name}`,
    intro: 'Pick stories to share with your network: every share gets its own tracked link, and each reader it brings adds to your points.',
    feed: 'Share the latest news',
    side: 'Your advocacy',
    yourImpact: 'Your impact',
    leaderboard: 'Top ambassadors',
    programme: 'Our programme',
    stories: 'What colleagues tell candidates',
    story: 'Tell candidates about your work',
    storyIntro: 'Your words can appear on the career site, once a moderator approves them. You can withdraw them at any time.',
    footer: 'Demo data of a fictional company. Everything here runs on this server.',
    careers: 'Career site',
    start: 'Start page',
    console: 'Programme console',
  },
  fr: {
    title: `Intranet ${DEMO_ORGANISATION.name} — démo Advocacy Kit`,
    skip: 'Aller au contenu principal',
    intranet: 'Intranet',
    language: 'Langue',
    identity: 'Identité de démonstration',
    actAs: 'Agir en tant que',
    loadingPeople: 'Chargement des employés de démonstration…',
    heading: `Bon retour ! Voici les nouveautés chez ${DEMO_ORGANISATION.name}`,
    intro: 'Choisissez les articles à partager avec votre réseau : chaque partage reçoit son propre lien suivi, et chaque lecteur qu’il amène vous rapporte des points.',
    feed: 'Partagez les dernières actualités',
    side: 'Votre engagement',
    yourImpact: 'Votre impact',
    leaderboard: 'Meilleurs ambassadeurs',
    programme: 'Notre programme',
    stories: 'Ce que vos collègues racontent aux candidats',
    story: 'Parlez de votre travail aux candidats',
    storyIntro: 'Vos mots peuvent paraître sur le site carrières, après validation par un modérateur. Vous pouvez les retirer à tout moment.',
    footer: 'Données de démonstration d’une entreprise fictive. Tout fonctionne sur ce serveur.',
    careers: 'Site carrières',
    start: 'Page d’accueil',
    console: 'Console du programme',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * The page. No inline style or script but the nonce'd module; the widgets
 * stay empty (busy) until that module has an employee token for them.
 * `methodHref`: the absolute address of the estimated reach's method
 * (/demo/estimated-reach), which the reach figures link to.
 */
export function renderIntranetPage(lang: Lang, nonce: string, methodHref: string): string {
  const t = STRINGS[lang];
  const e = escapeHtml;
  const languages = languageLinks(lang, (option) => `?lang=${option}`);
  return `<!doctype html>
<html lang="${lang}">
${intranetHead(t.title, { src: '/demo/intranet.js', nonce })}
<body class="intranet">
<header class="masthead">
  <a class="skip-link" href="#main">${e(t.skip)}</a>
  <div class="masthead-inner">
    <p class="brand"><span class="brand-mark" aria-hidden="true">${e(DEMO_ORGANISATION.name.charAt(0))}</span><span class="brand-name" id="organisation-name">${e(DEMO_ORGANISATION.name)}</span> <span class="brand-section">${e(t.intranet)}</span></p>
    <div class="identity" role="group" aria-labelledby="identity-label">
      <span id="identity-label" class="visually-hidden">${e(t.identity)}</span>
      <label for="employee">${e(t.actAs)}</label>
      <select id="employee" name="employee" disabled><option value="">${e(t.loadingPeople)}</option></select>
    </div>
    <nav class="languages" aria-label="${e(t.language)}"><ul>${languages}</ul></nav>
  </div>
  <p id="identity-status" class="identity-status" role="status"></p>
  <p id="console-link" class="identity-status console-link" hidden><a href="/demo/admin${lang === 'fr' ? '?lang=fr' : ''}">${e(t.console)}</a></p>
  <p id="identity-problem" class="identity-problem" role="alert" hidden></p>
</header>
<main id="main" tabindex="-1">
  <div class="intro">
    <h1>${e(t.heading)}</h1>
    <p>${e(t.intro)}</p>
  </div>
  <adv-provider id="provider">
    <div class="columns">
      <section class="feed" aria-labelledby="feed-heading">
        <h2 id="feed-heading">${e(t.feed)}</h2>
        <adv-share-feed limit="6"></adv-share-feed>
      </section>
      <aside class="side" aria-label="${e(t.side)}">
        <section aria-labelledby="impact-heading">
          <h2 id="impact-heading">${e(t.yourImpact)}</h2>
          <adv-my-impact period="month" method-href="${e(methodHref)}"></adv-my-impact>
        </section>
        <section aria-labelledby="leaderboard-heading">
          <h2 id="leaderboard-heading">${e(t.leaderboard)}</h2>
          <adv-leaderboard period="month" limit="10"></adv-leaderboard>
        </section>
        <section aria-labelledby="programme-heading">
          <h2 id="programme-heading">${e(t.programme)}</h2>
          <adv-program-stats period="month" method-href="${e(methodHref)}"></adv-program-stats>
        </section>
      </aside>
    </div>
    <section class="stories" aria-labelledby="stories-heading">
      <h2 id="stories-heading">${e(t.stories)}</h2>
      <adv-testimonials layout="carousel" limit="6"></adv-testimonials>
    </section>
    <section class="story" aria-labelledby="story-heading">
      <h2 id="story-heading">${e(t.story)}</h2>
      <p>${e(t.storyIntro)}</p>
      <adv-testimonial-form></adv-testimonial-form>
    </section>
  </adv-provider>
</main>
${intranetFooter(lang, t.footer, [
  { path: '/demo/careers', label: t.careers },
  { path: '/', label: t.start },
])}
</body>
</html>
`;
}

/** `GET /demo/intranet` (demo mode only, see app.ts): the demo intranet home page under a strict CSP. */
export const intranetPageRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/demo/intranet', async (request, reply) => {
    const nonce = newNonce();
    const lang = pickLang(request.query);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', strictCsp(nonce))
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'same-origin')
      .send(renderIntranetPage(lang, nonce, estimatedReachHref(ctx.publicOrigin(request), lang)));
  });
};
