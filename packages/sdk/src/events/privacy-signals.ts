interface PrivacyNavigator {
  globalPrivacyControl?: boolean;
  doNotTrack?: string | null;
}

/**
 * Whether the visitor asked not to be tracked: Global Privacy Control
 * (`navigator.globalPrivacyControl`) or the older Do-Not-Track signal.
 * Outside a browser there is no visitor to ask, so nothing is opted out.
 */
export function visitorOptedOut(nav: PrivacyNavigator | undefined = globalThis.navigator as PrivacyNavigator | undefined): boolean {
  if (!nav) return false;
  if (nav.globalPrivacyControl === true) return true;
  const dnt = nav.doNotTrack ?? (globalThis as { doNotTrack?: string }).doNotTrack;
  return dnt === '1' || dnt === 'yes';
}
