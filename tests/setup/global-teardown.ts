/** Stops the shared local cloud, emulators included, so no process outlives the test run. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__ENLACE_LOCAL_CLOUD__?.stop();
}
