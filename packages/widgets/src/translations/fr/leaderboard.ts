import type { AreaCatalog } from '../catalog.js';
import type { leaderboard as en } from '../en/leaderboard.js';

export const leaderboard: AreaCatalog<typeof en> = {
  leaderboardTitle: 'Classement',
  leaderboardPeriod: 'Période',
  leaderboardWeek: 'Cette semaine',
  leaderboardMonth: 'Ce mois-ci',
  leaderboardQuarter: 'Ce trimestre',
  leaderboardAll: 'Depuis le début',
  leaderboardRank: 'Rang',
  leaderboardName: 'Ambassadeur',
  leaderboardPoints: 'Points',
  leaderboardShares: 'Partages',
  leaderboardClicks: 'Lecteurs',
  leaderboardTied: '(ex æquo)',
  leaderboardYou: '(vous)',
  leaderboardYourRank: 'Votre rang',
  leaderboardNotRankedWeek: 'Pas encore au classement cette semaine',
  leaderboardNotRankedMonth: 'Pas encore au classement ce mois-ci',
  leaderboardNotRankedQuarter: 'Pas encore au classement ce trimestre',
  leaderboardNotRankedAll: 'Pas encore au classement',
  leaderboardNotRankedHint: 'partagez une publication pour y entrer',
  leaderboardNotRankedWaiting: 'vos points arrivent quand des lecteurs ouvrent vos partages',
  leaderboardEmpty: 'Personne n’a encore de points sur cette période. Partagez une publication et soyez le premier !',
  leaderboardJoinTitle: 'Rejoindre le classement ?',
  leaderboardJoinText:
    'Vos collègues verraient ici votre nom d’affichage, votre photo, votre équipe, vos points, vos partages et vos lecteurs. Vos points comptent dans tous les cas, et vous pouvez partir quand vous voulez.',
  leaderboardJoin: 'Rejoindre le classement',
  leaderboardLeave: 'Quitter le classement',
  leaderboardJoined: 'Vous apparaissez dans le classement.',
  leaderboardLeft: 'Vous avez quitté le classement.',
  leaderboardOptInFailed: 'Votre choix n’a pas pu être enregistré. Veuillez réessayer.',
};
