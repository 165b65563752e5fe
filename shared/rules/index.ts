/** Pure domain rules: no I/O, no clock; the UI and the server both call them. */
export * from './roster';
export * from './id-number';
export * from './id-number-legacy';
export * from './branch';
export * from './person';
export * from './roster-import';
export * from './roster-filter';
export * from './pinyin-search';
export * from './statistics';
export * from './term';
export * from './recruitment-steps';
export * from './recruitment';
export * from './dossier';
export * from './votes';
export * from './elections';
export * from './meetings';
export * from './reminders';
