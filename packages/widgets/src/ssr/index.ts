// @advocacy/widgets/ssr: server rendering for Node (never bundled for browsers).
export { renderTestimonials, scriptSafeJson, testimonialsStyleHash, type TestimonialsRenderOptions, type TestimonialsPage } from './render-testimonials.js';
