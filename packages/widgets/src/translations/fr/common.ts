import type { AreaCatalog } from '../catalog.js';
import type { common as en } from '../en/common.js';

export const common: AreaCatalog<typeof en> = {
  loading: 'Chargement…',
  empty: 'Rien pour le moment.',
  errorTitle: 'Le chargement a échoué.',
  errorOffline: 'Le service est injoignable. Vérifiez votre connexion.',
  errorAuth: 'Votre session a expiré. Reconnectez-vous, puis réessayez.',
  errorForbidden: 'Vous n’avez pas accès à ce contenu.',
  errorNotFound: 'Introuvable.',
  errorRateLimited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
  errorInvalid: 'Le service a envoyé une réponse que cette page ne comprend pas.',
  errorStale: 'Les derniers chiffres n’ont pas pu être chargés ; ceux-ci peuvent être anciens.',
  retry: 'Réessayer',
  configMissing: 'Ce widget n’est pas connecté : placez-le dans <adv-provider> ou appelez configure().',
};
