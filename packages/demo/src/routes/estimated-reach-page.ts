import type { FastifyPluginAsync } from 'fastify';
import { NETWORK_AUDIENCE_CAPS, type Network } from '@advocacy/sdk/contract';
import { escapeHtml, type ServerContext } from '@advocacy/server';
import { intranetFooter, intranetHead } from '../intranet-frame.js';
import { languageLinks, pickLang, type Lang } from '../page-languages.js';
import { DEMO_ORGANISATION } from '../seed/demo-data.js';
import { newNonce, strictCsp } from '../strict-csp.js';

/** Where the page is served; `<adv-my-impact>` and `<adv-program-stats>` on the demo intranet link to it (`method-href`). */
export const ESTIMATED_REACH_PATH = '/demo/estimated-reach';

/** The page's absolute address in a language (the widgets take only absolute links, through `safeUrl()`). */
export function estimatedReachHref(origin: string, lang: Lang): string {
  return `${origin}${ESTIMATED_REACH_PATH}${lang === 'fr' ? '?lang=fr' : ''}`;
}

/** A programme's per-employee cap when the demo organisation is missing: the default of migration 010. */
const DEFAULT_REACH_CAP_PER_EMPLOYEE = 10_000;

/**
 * The cap per network and why, in the order of docs/estimated-reach.md's
 * table. The figures come from the contract, so the page cannot drift from
 * what the API enforces; the reasons are the docs' own.
 */
const same = (name: string): Record<Lang, string> => ({ en: name, fr: name });
const UNBOUNDED: Record<Lang, string> = {
  en: 'no network limit; above that an audience is a public figure’s, to be measured from the network’s analytics rather than declared',
  fr: 'pas de limite du réseau ; au-delà, c’est l’audience d’une personnalité publique, à mesurer dans les statistiques du réseau plutôt qu’à déclarer',
};
export const NETWORK_ROWS: readonly { network: Network; name: Record<Lang, string>; why: Record<Lang, string> }[] = [
  { network: 'linkedin', name: same('LinkedIn'), why: { en: 'LinkedIn caps connections at 30,000', fr: 'LinkedIn limite les relations à 30 000' } },
  { network: 'facebook', name: same('Facebook'), why: { en: 'a personal profile has at most 5,000 friends', fr: 'un profil personnel a au plus 5 000 amis' } },
  { network: 'whatsapp', name: same('WhatsApp'), why: { en: 'a group holds at most 1,024 members', fr: 'un groupe compte au plus 1 024 membres' } },
  { network: 'teams', name: same('Microsoft Teams'), why: { en: 'a team holds at most 25,000 members', fr: 'une équipe compte au plus 25 000 membres' } },
  { network: 'telegram', name: same('Telegram'), why: { en: 'a group holds at most 200,000 members', fr: 'un groupe compte au plus 200 000 membres' } },
  {
    network: 'email',
    name: { en: 'Email', fr: 'E-mail' },
    why: {
      en: 'Exchange Online and Gmail send one message to at most 500 recipients by default',
      fr: 'Exchange Online et Gmail envoient un message à 500 destinataires au plus par défaut',
    },
  },
  { network: 'x', name: same('X'), why: UNBOUNDED },
  { network: 'bluesky', name: same('Bluesky'), why: UNBOUNDED },
  { network: 'mastodon', name: same('Mastodon'), why: UNBOUNDED },
  { network: 'threads', name: same('Threads'), why: UNBOUNDED },
];

const STRINGS = {
  en: {
    title: `How the estimated reach is computed — ${DEMO_ORGANISATION.name} — Advocacy Kit demo`,
    skip: 'Skip to main content',
    section: 'Method',
    language: 'Language',
    heading: 'How the estimated reach is computed',
    lead: [
      '“Estimated reach” is an <strong>estimate</strong>, not a count of people who saw a post.',
      'No network tells us who saw a shared link; what we know is how many people each employee says follows them.',
      'The figure answers “how many people could have seen the programme’s shares”, and is built so that no one person can move it much.',
      'Readers (credited clicks) are the measured figure; reach is not.',
    ].join(' '),
    method: 'The method',
    period: 'For a period (week, month, quarter, all time; UTC days):',
    steps: (cap: string) => [
      '<strong>Who shared where.</strong> Each employee who shared at least once in the period counts once per network they shared to, however many times they shared there.',
      '<strong>What they declare.</strong> For each such employee and network, the audience they declared in their profile. A network they never declared counts 0.',
      '<strong>Bounded per network.</strong> A declared audience cannot exceed its network’s cap (the table below); a higher figure is refused, and one stored before the caps counts as the cap.',
      `<strong>Capped per employee.</strong> One employee adds at most ${cap} to the period’s total (this programme’s setting). Above it, their networks are scaled down in proportion, so whatever one employee declares, the total moves by at most the cap.`,
      '<strong>Summed.</strong> The estimated reach is the sum over employees; the same sum per network gives the figure per network.',
    ],
    upperBound: 'People who follow several colleagues are counted once per colleague: the estimate is an upper bound of the audience, never a count of distinct people.',
    caps: 'The most followers one employee may declare, per network',
    network: 'Network',
    cap: 'Cap',
    why: 'Why',
    jumps: 'Jumps in a declared audience',
    jumpsText:
      'A sudden rise is listed for the programme’s admins to look at: a figure that rises by at least 1,000 to more than three times the previous one, or a first figure of 5,000 or more. It still counts, within the caps, until an admin acts.',
    footer: 'Demo data of a fictional company. Everything here runs on this server.',
    intranet: 'Intranet',
    careers: 'Career site',
    start: 'Start page',
  },
  fr: {
    title: `Comment la portée estimée est calculée — ${DEMO_ORGANISATION.name} — démo Advocacy Kit`,
    skip: 'Aller au contenu principal',
    section: 'Méthode',
    language: 'Langue',
    heading: 'Comment la portée estimée est calculée',
    lead: [
      'La « portée estimée » est une <strong>estimation</strong>, pas un décompte des personnes qui ont vu une publication.',
      'Aucun réseau ne nous dit qui a vu un lien partagé ; ce que nous savons, c’est combien de personnes chaque employé déclare le suivre.',
      'Le chiffre répond à « combien de personnes auraient pu voir les partages du programme », et il est construit pour qu’aucune personne ne puisse le faire beaucoup bouger.',
      'Les lecteurs (clics comptés) sont le chiffre mesuré ; la portée ne l’est pas.',
    ].join(' '),
    method: 'La méthode',
    period: 'Pour une période (semaine, mois, trimestre, depuis le début ; jours UTC) :',
    steps: (cap: string) => [
      '<strong>Qui a partagé où.</strong> Chaque employé qui a partagé au moins une fois dans la période compte une fois par réseau sur lequel il a partagé, quel que soit le nombre de partages.',
      '<strong>Ce qu’il déclare.</strong> Pour chacun de ces employés et réseaux, l’audience déclarée dans son profil. Un réseau jamais déclaré compte pour 0.',
      '<strong>Borné par réseau.</strong> Une audience déclarée ne peut pas dépasser le plafond de son réseau (tableau ci-dessous) ; un chiffre plus élevé est refusé, et un chiffre enregistré avant les plafonds compte pour le plafond.',
      `<strong>Plafonné par employé.</strong> Un employé ajoute au plus ${cap} au total de la période (réglage de ce programme). Au-delà, ses réseaux sont réduits en proportion : quoi qu’un employé déclare, le total bouge au plus du plafond.`,
      '<strong>Additionné.</strong> La portée estimée est la somme sur les employés ; la même somme par réseau donne le chiffre par réseau.',
    ],
    upperBound:
      'Une personne qui suit plusieurs collègues est comptée une fois par collègue : l’estimation est un majorant de l’audience, jamais un décompte de personnes distinctes.',
    caps: 'Le plus d’abonnés qu’un employé peut déclarer, par réseau',
    network: 'Réseau',
    cap: 'Plafond',
    why: 'Pourquoi',
    jumps: 'Les sauts d’audience déclarée',
    jumpsText:
      'Une hausse brutale est signalée aux administrateurs du programme : un chiffre qui augmente d’au moins 1 000 pour dépasser le triple du précédent, ou un premier chiffre de 5 000 ou plus. Il reste compté, dans les plafonds, jusqu’à ce qu’un administrateur agisse.',
    footer: 'Données de démonstration d’une entreprise fictive. Tout fonctionne sur ce serveur.',
    intranet: 'Intranet',
    careers: 'Site carrières',
    start: 'Page d’accueil',
  },
} as const;

/**
 * The method of the estimated reach, short, as docs/estimated-reach.md gives
 * it, for `method-href`. Static text (the only markup in the strings is
 * `<strong>`); the caps come from the contract and the per-employee cap from
 * the programme's settings. No script at all, under the demo pages' strict CSP.
 */
export function renderEstimatedReachPage(lang: Lang, reachCapPerEmployee: number): string {
  const t = STRINGS[lang];
  const e = escapeHtml;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US');
  const languages = languageLinks(lang, (option) => `?lang=${option}`);
  const steps = t
    .steps(e(number.format(reachCapPerEmployee)))
    .map((step) => `      <li>${step}</li>`)
    .join('\n');
  const rows = NETWORK_ROWS.map(
    (row) => `        <tr><th scope="row">${e(row.name[lang])}</th><td class="number">${e(number.format(NETWORK_AUDIENCE_CAPS[row.network]))}</td><td>${e(row.why[lang])}</td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="${lang}">
${intranetHead(t.title)}
<body class="intranet">
<header class="masthead">
  <a class="skip-link" href="#main">${e(t.skip)}</a>
  <div class="masthead-inner">
    <p class="brand"><span class="brand-mark" aria-hidden="true">${e(DEMO_ORGANISATION.name.charAt(0))}</span><span class="brand-name">${e(DEMO_ORGANISATION.name)}</span> <span class="brand-section">${e(t.section)}</span></p>
    <nav class="languages" aria-label="${e(t.language)}"><ul>${languages}</ul></nav>
  </div>
</header>
<main id="main" tabindex="-1">
  <article class="method-page">
    <h1>${e(t.heading)}</h1>
    <p>${t.lead}</p>
    <h2>${e(t.method)}</h2>
    <p>${e(t.period)}</p>
    <ol>
${steps}
    </ol>
    <p>${e(t.upperBound)}</p>
    <div class="table-scroll">
      <table>
        <caption>${e(t.caps)}</caption>
        <thead><tr><th scope="col">${e(t.network)}</th><th scope="col" class="number">${e(t.cap)}</th><th scope="col">${e(t.why)}</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>
    </div>
    <h2>${e(t.jumps)}</h2>
    <p>${e(t.jumpsText)}</p>
  </article>
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

/** `GET /demo/estimated-reach` (demo mode only): how the estimated reach is computed, in English or French (`?lang=fr`), with the demo programme's cap. */
export const estimatedReachPageRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get(ESTIMATED_REACH_PATH, async (request, reply) => {
    const { rows } = await ctx.db.query<{ reach_cap_per_employee: number }>(`SELECT reach_cap_per_employee FROM organisations WHERE slug = $1`, [
      DEMO_ORGANISATION.slug,
    ]);
    const cap = rows[0]?.reach_cap_per_employee ?? DEFAULT_REACH_CAP_PER_EMPLOYEE;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', strictCsp(newNonce()))
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'same-origin')
      .send(renderEstimatedReachPage(pickLang(request.query), cap));
  });
};
