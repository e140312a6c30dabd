import { Logger } from '@aws-lambda-powertools/logger';

/** Created once per execution environment; the service name comes from POWERTOOLS_SERVICE_NAME. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'enlace' });
export { metrics } from './metrics';
