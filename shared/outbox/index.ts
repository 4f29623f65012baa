export * from './outbox-backoff';
export * from './outbox-messages';
export * from './outbox-transitions';
export * from './outbox-store';
export * from './outbox-engine';
export * from './send-timing';
export * from './outbox-status';
