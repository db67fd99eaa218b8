import { jest } from '@jest/globals';

// Integration suites start servers and wait on real timers; give them room (the unit default is 5 s).
jest.setTimeout(60_000);
