export { demoExtension, prepareDemo, DEMO_PUBLIC_DIR } from './demo-extension.js';
export { seedDemo, allowDemoOrigins, DEMO_SEED, type SeedReport } from './seed/seed-demo.js';
export { DEMO_ORGANISATION, DEMO_TEAMS, demoEmployees, seededRandom, type DemoEmployee } from './seed/demo-data.js';
export { planDemoDay } from './seed/demo-activity-plan.js';
