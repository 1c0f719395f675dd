import type { AreaCatalog } from '../catalog.js';
import type { impact as en } from '../en/impact.js';

export const impact: AreaCatalog<typeof en> = {
  impactWeek: 'cette semaine',
  impactMonth: 'ce mois-ci',
  impactQuarter: 'ce trimestre',
  impactAll: 'depuis le début',
  impactShares: 'Partages',
  impactReaders: 'Lecteurs',
  impactPoints: 'Points',
  impactRank: 'Rang',
  impactReach: 'Portée estimée',
  impactNotRanked: 'Non classé',
  impactLineOne: 'Votre partage a attiré {readers} {period}.',
  impactLineOther: 'Vos {count} partages ont attiré {readers} {period}.',
  impactReadersOne: '{count} lecteur',
  impactReadersOther: '{count} lecteurs',
  impactNoReadersYet: 'Vous avez partagé {period} : vos lecteurs apparaîtront ici dès qu’ils ouvriront vos liens.',
  impactReachHelp:
    'Portée estimée : les abonnés que vous avez déclarés sur chaque réseau où vous avez partagé {period}, comptés une fois par réseau. Tous vos abonnés ne voient pas chaque publication.',
  impactReachUnknown: 'Indiquez dans votre profil combien de personnes vous suivent sur chaque réseau pour voir votre portée estimée.',
  impactEmpty: 'Rien de partagé pour l’instant sur cette période. Partagez une publication depuis le fil : vos lecteurs, vos points et votre portée s’afficheront ici.',
  statsHeadline: 'Ensemble, nous avons touché environ {reach} personnes {period}.',
  statsAmbassadors: 'Ambassadeurs actifs',
  statsReachHelp:
    'Portée estimée : les abonnés que chaque ambassadeur a déclarés sur chaque réseau où il a partagé, comptés une fois par personne et par réseau.',
  statsByNetwork: 'Par réseau',
  statsNetwork: 'Réseau',
  statsEmail: 'E-mail',
  statsByDay: 'Lecteurs par jour, pic le {day} ({count})',
  statsEmpty: 'Pas encore de partage sur cette période. Le premier s’affichera ici !',
};
