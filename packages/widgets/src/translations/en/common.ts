/** Strings every widget shares: states, errors, retry. */
export const common = {
  loading: 'Loading…',
  empty: 'Nothing here yet.',
  errorTitle: 'This could not be loaded.',
  errorOffline: 'The service could not be reached. Check your connection.',
  errorAuth: 'Your session has ended. Sign in again, then try again.',
  errorForbidden: 'You do not have access to this.',
  errorNotFound: 'This could not be found.',
  errorRateLimited: 'Too many requests. Wait a moment, then try again.',
  errorInvalid: 'The service sent an answer this page does not understand.',
  errorStale: 'The latest figures could not be loaded; these may be out of date.',
  retry: 'Try again',
  configMissing: 'This widget is not connected: wrap it in <adv-provider> or call configure().',
} as const;
