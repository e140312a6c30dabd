/** A variable the function cannot run without (the stack sets it): read at start-up, so a missing one fails the cold start loudly. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.length === 0) {
    throw new Error(`environment variable ${name} is not set`);
  }
  return value;
}
