export * from './cadence';
export * from './kept-person';
export * from './last-contact';
export * from './overdue';
export * from './snooze';
