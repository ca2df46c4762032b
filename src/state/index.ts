export * from './schema.js';
export * from './outcomes.js';
export * from './store.js';
export * from './locate.js';
export * from './lock.js';
export * from './batched-write.js';
export * from './dir-safety.js';
export * from './service-store.js';
