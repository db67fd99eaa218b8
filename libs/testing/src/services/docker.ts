/** True when testcontainers can reach a container engine (a developer's laptop, a CI runner with Docker). */
export async function isDockerReachable(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
