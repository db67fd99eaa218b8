import { loadTestEnvironment } from '@themis/config';
import { provideTestServices } from './test-services.ts';

// Runs once per jest project that has tests to run; the second project finds the URLs already set.
export default async function setup(): Promise<void> {
  const { pg15Url, pg18Url, redisUrl, kafkaBrokers } = loadTestEnvironment();
  if (pg15Url !== undefined && pg18Url !== undefined && redisUrl !== undefined && kafkaBrokers !== undefined) return;
  await provideTestServices();
}
