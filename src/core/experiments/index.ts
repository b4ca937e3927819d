export * from './blind.js';
export * from './calendar.js';
export * from './card.js';
export * from './experiment.js';
export * from './measurement-report.js';
export * from './report.js';
export * from './templates.js';
export * from './transitions.js';
