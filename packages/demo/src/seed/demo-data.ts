import type { Network } from '@advocacy/sdk/contract';

/** The demo organisation: a fictional company with an intranet and a career site on this server. */
export const DEMO_ORGANISATION = {
  slug: 'northwind-demo',
  name: 'Northwind',
  domain: 'northwind.example',
  issuer: 'https://idp.northwind.example/',
  audience: 'advocacy-demo',
  disclosure: { en: 'I work at Northwind.', fr: 'Je travaille chez Northwind.' },
  consent: {
    version: '2026-01',
    text: {
      en: 'I agree that Northwind shows my words, name, role, team, location and photo on its career site. I can withdraw this at any time, and it will be removed at once.',
      fr: 'J’accepte que Northwind publie mes mots, mon nom, mon poste, mon équipe, ma ville et ma photo sur son site carrières. Je peux retirer mon accord à tout moment ; le témoignage disparaît aussitôt.',
    },
  },
} as const;

export const DEMO_TEAMS = ['Engineering', 'Sales', 'Marketing', 'People'] as const;
const LOCATIONS = ['Paris', 'Lyon', 'Montréal', 'London', 'Berlin', 'Lisbon'] as const;
const ROLES: Record<(typeof DEMO_TEAMS)[number], string[]> = {
  Engineering: ['Software engineer', 'Data engineer', 'Engineering manager', 'Site reliability engineer', 'Product designer'],
  Sales: ['Account executive', 'Sales engineer', 'Customer success manager', 'Sales director'],
  Marketing: ['Content strategist', 'Brand designer', 'Marketing manager', 'Community manager'],
  People: ['Talent partner', 'People partner', 'Recruiter', 'Learning lead'],
};
const NAMES = [
  'Amélie Laurent', 'Karim Benali', 'Sofia Rossi', 'Jonas Weber', 'Aisha Okafor', 'Lucas Martin', 'Mei Chen', 'Diego Fernández',
  'Chloé Dubois', 'Tomás Silva', 'Priya Natarajan', 'Elias Nilsson', 'Fatou Diop', 'Hugo Moreau', 'Yuki Tanaka', 'Ingrid Larsen',
  'Omar Haddad', 'Léa Girard', 'Mateo García', 'Hannah Schmidt', 'Nadia Rahman', 'Julien Petit', 'Zanele Dlamini', 'Marco Bianchi',
  'Camille Roux', 'Arjun Mehta', 'Sara Johansson', 'Théo Lefèvre', 'Amara Nwosu', 'Clara Fischer', 'Rafael Costa', 'Inès Bouchard',
  'Leon Novak', 'Lina Haddad', 'Noah Tremblay', 'Emma Kowalski', 'Samuel Mensah', 'Jade Fontaine', 'Viktor Horvath', 'Alice Nguyen',
];

export interface DemoEmployee {
  subject: string;
  name: string;
  team: (typeof DEMO_TEAMS)[number];
  role: string;
  location: string;
  isAdmin: boolean;
  optedIn: boolean;
  audience: Partial<Record<Network, number>>;
}

/** A small seeded generator (mulberry32): the same demo on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The People team: the programme's two admins and two colleagues, a team under 5 (the dashboard folds it into "other teams"). */
const PEOPLE_TEAM = new Set([3, 7, 11, 15]);
/** Everyone else, in turn: teams of 16, 12 and 8, so the dashboard compares teams of different sizes. */
const OTHER_TEAMS = ['Engineering', 'Sales', 'Engineering', 'Marketing', 'Engineering', 'Sales', 'Engineering', 'Sales', 'Marketing'] as const;

/** The team of the demo's `index`-th employee. */
function demoTeam(index: number): (typeof DEMO_TEAMS)[number] {
  if (PEOPLE_TEAM.has(index)) return 'People';
  const before = [...PEOPLE_TEAM].filter((member) => member < index).length;
  return OTHER_TEAMS[(index - before) % OTHER_TEAMS.length]!;
}

export function demoEmployees(random: () => number): DemoEmployee[] {
  const seen = new Map<string, number>();
  return NAMES.map((name, index) => {
    const team = demoTeam(index);
    const roles = ROLES[team];
    const rank = seen.get(team) ?? 0;
    seen.set(team, rank + 1);
    return {
      subject: `demo-${String(index + 1).padStart(2, '0')}`,
      name,
      team,
      role: roles[rank % roles.length]!,
      location: LOCATIONS[index % LOCATIONS.length]!,
      // The first two People partners run the programme.
      isAdmin: index === 3 || index === 7,
      optedIn: random() < 0.8,
      audience: {
        linkedin: Math.round(150 + random() * 2_500),
        ...(random() < 0.6 ? { x: Math.round(50 + random() * 1_500) } : {}),
        ...(random() < 0.4 ? { bluesky: Math.round(20 + random() * 600) } : {}),
        ...(random() < 0.3 ? { facebook: Math.round(80 + random() * 800) } : {}),
      },
    };
  });
}

export interface DemoContent {
  title: string;
  summary: string;
  path: string;
  locale: 'en' | 'fr';
  tags: string[];
  campaign: string;
  texts: Partial<Record<Network, string>>;
}

export const DEMO_CONTENT: DemoContent[] = [
  { title: 'We are hiring 40 engineers in Lyon and Lisbon', summary: 'Backend, data and platform roles, hybrid, with a four-day week trial.', path: '/careers/engineering', locale: 'en', tags: ['careers', 'engineering'], campaign: 'spring-hiring', texts: { linkedin: 'My team is growing! We are hiring 40 engineers in Lyon and Lisbon — backend, data and platform. Happy to tell you what it is really like here.', x: 'We are hiring 40 engineers in Lyon and Lisbon 🚀 Backend, data, platform. Ask me anything!', bluesky: 'Northwind is hiring 40 engineers (Lyon + Lisbon). Ask me anything about the team.' } },
  { title: 'On recrute 40 ingénieurs à Lyon et Lisbonne', summary: 'Backend, data et plateforme, en hybride, avec un essai de semaine de quatre jours.', path: '/fr/carrieres/ingenierie', locale: 'fr', tags: ['careers', 'engineering'], campaign: 'spring-hiring', texts: { linkedin: 'Mon équipe grandit ! Nous recrutons 40 ingénieurs à Lyon et Lisbonne. Écrivez-moi si vous voulez savoir comment on travaille ici.', x: 'On recrute 40 ingénieurs à Lyon et Lisbonne 🚀 Backend, data, plateforme. Posez-moi vos questions !' } },
  { title: 'How we cut our cloud bill by 38 %', summary: 'Our platform team explains the three changes that mattered, and the two that did not.', path: '/blog/cloud-bill', locale: 'en', tags: ['engineering', 'blog'], campaign: 'tech-blog', texts: { linkedin: 'Proud of what our platform team shipped this quarter: a 38 % smaller cloud bill, with the honest list of what did not work.', x: 'How we cut our cloud bill by 38 % — and the two ideas that did not help at all.' } },
  { title: 'Comment nous avons réduit notre facture cloud de 38 %', summary: 'L’équipe plateforme raconte les trois changements décisifs, et les deux qui n’ont servi à rien.', path: '/fr/blog/facture-cloud', locale: 'fr', tags: ['engineering', 'blog'], campaign: 'tech-blog', texts: { linkedin: 'Fière du travail de notre équipe plateforme : une facture cloud réduite de 38 %, avec la liste honnête de ce qui n’a pas marché.' } },
  { title: 'Northwind joins the Climate Pledge', summary: 'Net zero by 2035, with yearly published progress.', path: '/news/climate-pledge', locale: 'en', tags: ['news', 'sustainability'], campaign: 'climate', texts: { linkedin: 'Northwind commits to net zero by 2035, with progress published every year. Glad to work somewhere that shows its numbers.', x: 'Net zero by 2035, progress published yearly. 🌱', bluesky: 'Northwind joins the Climate Pledge: net zero by 2035, yearly public progress.' } },
  { title: 'Northwind rejoint le Climate Pledge', summary: 'Neutralité carbone en 2035, avec des progrès publiés chaque année.', path: '/fr/actualites/climate-pledge', locale: 'fr', tags: ['news', 'sustainability'], campaign: 'climate', texts: { linkedin: 'Northwind s’engage pour la neutralité carbone en 2035, avec des progrès publiés chaque année.' } },
  { title: 'Meet our 2026 interns', summary: 'Twelve interns, six countries, one very long lunch table.', path: '/blog/interns-2026', locale: 'en', tags: ['culture', 'careers'], campaign: 'employer-brand', texts: { linkedin: 'Twelve interns from six countries joined us this summer. Here is what they built.', x: 'Meet our 2026 interns 👋' } },
  { title: 'Nos stagiaires 2026', summary: 'Douze stagiaires, six pays, une très longue table au déjeuner.', path: '/fr/blog/stagiaires-2026', locale: 'fr', tags: ['culture', 'careers'], campaign: 'employer-brand', texts: { linkedin: 'Douze stagiaires venus de six pays nous ont rejoints cet été. Voici ce qu’ils ont construit.' } },
  { title: 'Customer story: how Contoso ships twice as often', summary: 'A case study on release automation with Northwind.', path: '/customers/contoso', locale: 'en', tags: ['customers', 'product'], campaign: 'customer-stories', texts: { linkedin: 'I worked with the Contoso team on this one: they now ship twice as often. Great read.', x: 'Contoso now ships twice as often. Here is how.' } },
  { title: 'Témoignage client : Contoso livre deux fois plus souvent', summary: 'Étude de cas sur l’automatisation des mises en production.', path: '/fr/clients/contoso', locale: 'fr', tags: ['customers', 'product'], campaign: 'customer-stories', texts: { linkedin: 'J’ai accompagné l’équipe Contoso : ils livrent désormais deux fois plus souvent.' } },
  { title: 'Product launch: Northwind Insights', summary: 'Dashboards your finance team will actually open.', path: '/product/insights', locale: 'en', tags: ['product', 'news'], campaign: 'insights-launch', texts: { linkedin: 'Today we launch Northwind Insights. Months of work by an amazing team — have a look!', x: 'Northwind Insights is live ✨', bluesky: 'We just launched Northwind Insights — dashboards finance teams will actually open.' } },
  { title: 'Lancement : Northwind Insights', summary: 'Des tableaux de bord que votre équipe finance ouvrira vraiment.', path: '/fr/produit/insights', locale: 'fr', tags: ['product', 'news'], campaign: 'insights-launch', texts: { linkedin: 'Nous lançons aujourd’hui Northwind Insights. Des mois de travail d’une équipe formidable !' } },
  { title: 'Parental leave: 20 weeks for every parent', summary: 'Our new policy, and why we made it the same for everyone.', path: '/blog/parental-leave', locale: 'en', tags: ['culture', 'benefits'], campaign: 'employer-brand', texts: { linkedin: '20 weeks of paid parental leave for every parent, whoever they are. This matters.', x: '20 weeks of parental leave for every parent 👶' } },
  { title: 'Congé parental : 20 semaines pour chaque parent', summary: 'Notre nouvelle politique, identique pour tous.', path: '/fr/blog/conge-parental', locale: 'fr', tags: ['culture', 'benefits'], campaign: 'employer-brand', texts: { linkedin: '20 semaines de congé parental payé pour chaque parent. C’est important.' } },
  { title: 'Open source: we are releasing our feature-flag library', summary: 'MIT licensed, used in production for three years.', path: '/blog/open-source-flags', locale: 'en', tags: ['engineering', 'open-source'], campaign: 'tech-blog', texts: { linkedin: 'We are open-sourcing the feature-flag library we have used in production for three years. MIT licensed.', x: 'Our feature-flag library is now open source (MIT) 🎉', bluesky: 'Our feature-flag library is now open source, MIT licensed.' } },
];

export const DEMO_QUOTES: { en: string; fr: string }[] = [
  { en: 'I came for the technical challenges and stayed for the people. Nobody here pretends to know everything.', fr: 'Je suis venue pour les défis techniques et je suis restée pour les gens. Ici, personne ne prétend tout savoir.' },
  { en: 'My manager blocks an hour every week just to talk about my growth. That had never happened to me before.', fr: 'Ma manager bloque une heure chaque semaine pour parler de ma progression. Ça ne m’était jamais arrivé.' },
  { en: 'I moved from Lisbon to Lyon with the company’s help, and my team made me feel at home in a week.', fr: 'J’ai déménagé de Lisbonne à Lyon avec l’aide de l’entreprise, et mon équipe m’a fait me sentir chez moi en une semaine.' },
  { en: 'We ship small things often, and mistakes are treated as lessons, not blame.', fr: 'On livre souvent de petites choses, et les erreurs sont des leçons, pas des fautes.' },
  { en: 'Twenty weeks of parental leave meant I was there for my daughter’s first months. I will not forget it.', fr: 'Vingt semaines de congé parental : j’ai pu être là pour les premiers mois de ma fille. Je ne l’oublierai pas.' },
  { en: 'I started as an intern in Sales; three years later I lead a team of six.', fr: 'J’ai commencé en stage chez les commerciaux ; trois ans plus tard, je dirige une équipe de six personnes.' },
  { en: 'The four-day week trial changed how I think about focus. We do less, better.', fr: 'L’essai de la semaine de quatre jours a changé ma façon de voir la concentration. On fait moins, mais mieux.' },
  { en: 'Customers call us by our first names. That trust is earned every day.', fr: 'Nos clients nous appellent par nos prénoms. Cette confiance se gagne chaque jour.' },
  { en: 'I learned more in my first year here than in five years elsewhere.', fr: 'J’ai appris plus en un an ici qu’en cinq ans ailleurs.' },
  { en: 'Remote or in the office, it is my choice, and nobody counts my hours.', fr: 'En télétravail ou au bureau, c’est mon choix, et personne ne compte mes heures.' },
  { en: 'Our design reviews are kind and honest at the same time. It is rarer than you think.', fr: 'Nos revues de design sont bienveillantes et franches à la fois. C’est plus rare qu’on ne croit.' },
  { en: 'I get to work on open source as part of my job, and that matters to me.', fr: 'Je contribue à l’open source dans le cadre de mon travail, et ça compte pour moi.' },
  { en: 'Recruiting here means telling candidates the truth, including what is hard.', fr: 'Recruter ici, c’est dire la vérité aux candidats, y compris sur ce qui est difficile.' },
  { en: 'I joined during a reorganisation and was never left alone with a question.', fr: 'Je suis arrivé pendant une réorganisation et je n’ai jamais été seul face à une question.' },
];
