/** Strings of the leaderboard widgets. Keys are prefixed by widget so catalogs never collide. */
export const leaderboard = {
  leaderboardTitle: 'Leaderboard',
  leaderboardPeriod: 'Period',
  leaderboardWeek: 'This week',
  leaderboardMonth: 'This month',
  leaderboardQuarter: 'This quarter',
  leaderboardAll: 'All time',
  leaderboardRank: 'Rank',
  leaderboardName: 'Ambassador',
  leaderboardPoints: 'Points',
  leaderboardShares: 'Shares',
  leaderboardClicks: 'Readers',
  leaderboardTied: '(tied)',
  leaderboardYou: '(you)',
  leaderboardYourRank: 'Your rank',
  /** An opted-in caller with no points in the period; followed by " — " and a hint. */
  leaderboardNotRankedWeek: 'Not ranked yet this week',
  leaderboardNotRankedMonth: 'Not ranked yet this month',
  leaderboardNotRankedQuarter: 'Not ranked yet this quarter',
  leaderboardNotRankedAll: 'Not ranked yet',
  leaderboardNotRankedHint: 'share something to get on the board',
  /** Shared in the period, no points yet: points come with readers. */
  leaderboardNotRankedWaiting: 'your points come when people open what you shared',
  leaderboardEmpty: 'Nobody has points for this period yet. Share a post and be the first!',
  leaderboardJoinTitle: 'Join the leaderboard?',
  leaderboardJoinText:
    'Colleagues would see your display name, photo, team, points, shares and readers here. Your points count either way, and you can leave whenever you like.',
  leaderboardJoin: 'Join the leaderboard',
  leaderboardLeave: 'Leave the leaderboard',
  leaderboardJoined: 'You are on the leaderboard.',
  leaderboardLeft: 'You have left the leaderboard.',
  leaderboardOptInFailed: 'Your choice could not be saved. Please try again.',
} as const;
