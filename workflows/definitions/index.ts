export * from './application';
export * from './case';
export * from './failures';
export * from './messages';
export * from './policy';
export * from './records';
export * from './search-attributes';
