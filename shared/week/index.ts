// "Your week": a calm look back at the user's own habits, one week at a time.
export * from './week-range';
export * from './week-figures';
export * from './week-wording';
export * from './session-step';
