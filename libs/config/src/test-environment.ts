/** Variables the test harness sets for its own workers; never read by the product. */
export interface TestEnvironment {
  /** Connection URL of the PostgreSQL 15 server the tests provisioned (Debian package or testcontainers). */
  readonly pg15Url: string | undefined;
  /** Connection URL of the embedded PostgreSQL 18 server the tests started. */
  readonly pg18Url: string | undefined;
}

export function loadTestEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): TestEnvironment {
  return { pg15Url: env['THEMIS_TEST_PG15_URL'], pg18Url: env['THEMIS_TEST_PG18_URL'] };
}

/** Hands a value to test workers: jest global setup runs in the parent, workers inherit its environment. */
export function exportTestEnvironment(values: { pg15Url?: string; pg18Url?: string }): void {
  if (values.pg15Url !== undefined) process.env['THEMIS_TEST_PG15_URL'] = values.pg15Url;
  if (values.pg18Url !== undefined) process.env['THEMIS_TEST_PG18_URL'] = values.pg18Url;
}
