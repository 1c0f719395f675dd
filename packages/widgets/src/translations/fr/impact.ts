import type { AreaCatalog } from '../catalog.js';
import type { impact as en } from '../en/impact.js';

export const impact: AreaCatalog<typeof en> = {};
