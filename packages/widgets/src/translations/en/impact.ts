/** Strings of the impact widgets. Keys are prefixed by widget so catalogs never collide. */
export const impact = {
  impactWeek: 'this week',
  impactMonth: 'this month',
  impactQuarter: 'this quarter',
  impactAll: 'so far',
  impactShares: 'Shares',
  impactReaders: 'Readers',
  impactPoints: 'Points',
  impactRank: 'Rank',
  impactReach: 'Estimated reach',
  impactNotRanked: 'Not ranked',
  impactLine: { one: 'Your share brought {readers} {period}.', other: 'Your {count} shares brought {readers} {period}.' },
  impactReaderCount: { one: '{count} reader', other: '{count} readers' },
  /** Readers this period, from shares made before it. */
  impactLineEarlier: 'Your earlier shares brought {readers} {period}.',
  impactNoReadersYet: 'You shared {period}: readers will show up here as people open your links.',
  /** The "How we estimate" disclosure under an estimated reach, and its link to the method in full (`method-href`). */
  impactReachMethod: 'How we estimate',
  impactReachMethodLink: 'Read the method',
  impactReachHelp:
    'We add up the followers you declared on each network you shared to {period}, once per network. So it is the most people who could have seen your posts, not how many read them.',
  impactReachUnknown: 'Add how many people follow you on each network to your profile to see your estimated reach.',
  impactEmpty: 'Nothing shared yet for this period. Share a post from the feed: your readers, points and reach will show up here.',
  // An empty period beside the one before it; {previous} is a figure below ("2,684 people reached").
  impactJustStartedWeek: 'This week has just started. Last week: {previous}',
  impactJustStartedMonth: 'This month has just started. Last month: {previous}',
  impactJustStartedQuarter: 'This quarter has just started. Last quarter: {previous}',
  impactNothingYetWeek: 'Nothing shared yet this week. Last week: {previous}',
  impactNothingYetMonth: 'Nothing shared yet this month. Last month: {previous}',
  impactNothingYetQuarter: 'Nothing shared yet this quarter. Last quarter: {previous}',
  impactPeopleReached: { one: '≈ {count} person reached (estimate)', other: '≈ {count} people reached (estimate)' },
  impactShareCount: { one: '{count} share', other: '{count} shares' },
  /** The caller's last period: "20 readers, 3 shares". */
  impactPreviousMine: '{readers}, {shares}',
  statsHeadline: 'Together we reached an estimated {reach} people {period}.',
  /** Readers but no reach: no shares in the period, readers of earlier ones. */
  statsReadersHeadline: { one: 'Our shares brought {count} reader {period}.', other: 'Our shares brought {count} readers {period}.' },
  statsAmbassadors: 'Active ambassadors',
  statsReachHelp:
    'We add up the followers each person who shared declared on each network they shared to, counting each person only up to a cap. So it is the most people who could have seen a post, not how many read it.',
  statsByNetwork: 'By network',
  statsNetwork: 'Network',
  statsEmail: 'Email',
  statsByDay: 'Readers per day, busiest on {day} ({count})',
  statsEmpty: 'No shares yet for this period. The first one will show up here!',
} as const;
