import { jest } from '@jest/globals';

// End-to-end suites start whole processes, each with its own embedded PostgreSQL.
jest.setTimeout(180_000);
