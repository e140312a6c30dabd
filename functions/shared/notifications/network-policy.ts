import type { NetworkPolicy } from '../../../domain/notifications';

/**
 * Where deliveries may connect, from the function's environment. On AWS: public HTTPS hosts only.
 * In the local cloud (ENLACE_LOCAL=true), also receivers on this machine, except the local cloud's
 * own endpoints, whose ports it lists in ENLACE_LOCAL_RESERVED_PORTS (the admin endpoint first).
 */
export function networkPolicyFromEnvironment(environment: NodeJS.ProcessEnv = process.env): NetworkPolicy {
  if (environment.ENLACE_LOCAL !== 'true') {
    return {};
  }
  const deniedPorts = (environment.ENLACE_LOCAL_RESERVED_PORTS ?? '')
    .split(',')
    .map((port) => Number(port.trim()))
    .filter((port) => Number.isInteger(port) && port > 0);
  return { loopback: { deniedPorts } };
}
