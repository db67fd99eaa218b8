import { describeEventStoreContract } from './event-store.contract.ts';

describeEventStoreContract('pg15', 15);
