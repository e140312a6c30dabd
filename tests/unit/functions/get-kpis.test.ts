import { buildGetKpisRoute } from '../../../functions/get-kpis/get-kpis';
import { httpHandler } from '../../../functions/shared/http/http-handler';
import { httpEvent, lambdaContext } from './http-fixtures';

function setup() {
  const reads: { lane: string; carriers: readonly string[] }[] = [];
  const handler = httpHandler(
    buildGetKpisRoute({
      getKpiRows: async (lane, carriers) => {
        reads.push({ lane, carriers });
        return [];
      },
      now: () => new Date('2026-12-05T12:00:00Z'),
    }),
  );
  const get = async (lane: string) =>
    handler(
      {
        ...httpEvent({ method: 'GET', path: '/v1/kpis', tenant: { tenantId: 'seller-a', kind: 'seller', sellerIds: ['seller-a'] } }),
        queryStringParameters: { lane },
      },
      lambdaContext,
    );
  return { reads, get };
}

describe('GET /v1/kpis', () => {
  it('reads a domestic lane (MX-MX-CMX) with the Mexican carriers, apart from the cross-border lane', async () => {
    const { reads, get } = setup();
    expect((await get('MX-MX-CMX')).statusCode).toBe(200);
    expect((await get('CN-MX-CMX')).statusCode).toBe(200);
    expect(reads.map((read) => read.lane)).toEqual(['MX-MX-CMX', 'CN-MX-CMX']);
    expect(reads[0]?.carriers).toEqual(expect.arrayContaining(['estafeta', '99minutos', 'jt-express', 'dhl-express']));
  });

  it('refuses a lane that neither starts in China nor stays in one country, naming the parameter', async () => {
    const { reads, get } = setup();
    const response = await get('MX-BR-SP');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ errors: [expect.objectContaining({ path: 'lane' })] });
    expect(reads).toEqual([]);
  });
});
