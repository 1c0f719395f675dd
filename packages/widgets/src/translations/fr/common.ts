import type { AreaCatalog } from '../catalog.js';
import type { common as en } from '../en/common.js';

export const common: AreaCatalog<typeof en> = {
  loading: 'Chargement…',
  signingIn: 'Connexion…',
  empty: 'Rien pour le moment.',
  errorTitle: 'Le chargement a échoué.',
  errorOffline: 'Vous êtes hors ligne. Vérifiez votre connexion, puis réessayez.',
  errorBlocked: 'Le service refuse cette page ({origin}). Un administrateur peut l’autoriser avec : advocacy-admin origins add {origin}',
  errorUnreachable: 'Le service {api} est injoignable. Réessayez plus tard.',
  errorTimeout: 'Le service a mis trop de temps à répondre. Réessayez.',
  errorOrigin: 'Cette page n’est pas autorisée à utiliser le service.',
  errorAuth: 'Votre session a expiré. Reconnectez-vous, puis réessayez.',
  errorForbidden: 'Vous n’avez pas accès à ce contenu.',
  errorNotFound: 'Introuvable.',
  errorRateLimited: 'Trop de requêtes. Patientez un instant, puis réessayez.',
  errorInvalid: 'Le service a envoyé une réponse que cette page ne comprend pas.',
  errorStale: 'Les derniers chiffres n’ont pas pu être chargés ; ceux-ci peuvent être anciens.',
  retry: 'Réessayer',
  configMissing: 'Ce widget n’est pas connecté : placez-le dans <adv-provider> ou appelez configure().',
};
