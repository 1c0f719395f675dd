import type { AreaCatalog } from '../catalog.js';
import type { testimonials as en } from '../en/testimonials.js';

export const testimonials: AreaCatalog<typeof en> = {};
