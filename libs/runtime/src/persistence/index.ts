export * from './bamboo-data-source';
export * from './conditional-update';
export * from './entities';
export { MYSQL_MIGRATIONS } from './migrations/mysql';
export { SQLITE_MIGRATIONS } from './migrations/sqlite';
