/** Pure domain rules: no I/O, no clock; the UI and the server both call them. */
export * from './roster';
export * from './id-number';
export * from './branch';
