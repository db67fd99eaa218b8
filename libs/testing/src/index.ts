export * from './services/postgres15.ts';
export * from './services/service-dirs.ts';
export * from './services/test-services.ts';
export * from './test-database.ts';
export * from './services/debian-tools.ts';
export * from './services/kafka.ts';
export * from './services/redis.ts';
export * from './distributed/cluster.ts';
