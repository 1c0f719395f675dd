export * from './problem.js';
export * from './health.js';
export * from './routes.js';
export * from './openapi.js';
