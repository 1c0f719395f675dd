/** The stored destination with the UTM parameters of a share; applying it twice gives the same URL. */
export function trackedDestination(destination: string, share: { network: string; code: string; campaign: string | null }): string {
  const url = new URL(destination);
  url.searchParams.set('utm_source', share.network);
  url.searchParams.set('utm_medium', 'employee_advocacy');
  url.searchParams.set('utm_campaign', share.campaign ?? 'employee_advocacy');
  url.searchParams.set('utm_content', share.code);
  return url.href;
}
