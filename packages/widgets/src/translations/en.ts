/**
 * The English catalog is the reference: every other catalog must have the
 * same keys (the type-check fails otherwise). `{name}` marks a parameter.
 */
export const en = {
  loading: 'Loading…',
  empty: 'Nothing here yet.',
  errorTitle: 'This could not be loaded.',
  errorOffline: 'The service could not be reached. Check your connection.',
  retry: 'Try again',
  configMissing: 'This widget is not connected: wrap it in <adv-provider> or call configure().',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = { readonly [K in MessageKey]: string };
