import { describeEventStoreContract } from './event-store.contract.ts';

describeEventStoreContract('pg18', 18);
