import { releaseTestServices } from './test-services.ts';

export default async function teardown(): Promise<void> {
  await releaseTestServices();
}
