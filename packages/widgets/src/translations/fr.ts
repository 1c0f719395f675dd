import type { Catalog } from './en.js';

export const fr: Catalog = {
  loading: 'Chargement…',
  empty: 'Rien pour le moment.',
  errorTitle: 'Le chargement a échoué.',
  errorOffline: 'Le service est injoignable. Vérifiez votre connexion.',
  retry: 'Réessayer',
  configMissing: 'Ce widget n’est pas connecté : placez-le dans <adv-provider> ou appelez configure().',
};
