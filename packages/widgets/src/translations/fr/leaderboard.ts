import type { AreaCatalog } from '../catalog.js';
import type { leaderboard as en } from '../en/leaderboard.js';

export const leaderboard: AreaCatalog<typeof en> = {};
