import type { LookupAddress } from 'node:dns';
import { vettedAddresses, type ResolveHost } from '../../../functions/shared/notifications/safe-http';
import { ssrfCorpus } from '../../fixtures/ssrf/corpus';

const production = {};
const local = { loopback: { deniedPorts: [3000, 43577] } };
const family = (address: string) => (address.includes(':') ? 6 : 4);
const answering =
  (addresses: readonly string[]): ResolveHost =>
  async () =>
    addresses.map((address): LookupAddress => ({ address, family: family(address) }));

describe('where a delivery may connect (resolved and checked at every send)', () => {
  it.each(ssrfCorpus().resolvingNames)('refuses %s, which resolves to %j', async (url, addresses) => {
    const vetted = await vettedAddresses(new URL(url), production, answering(addresses));
    expect(vetted).toEqual(expect.stringMatching(/^refused: .* does not resolve to a public address$/));
  });

  it.each(ssrfCorpus().staticallyRefused.filter((url) => url.startsWith('https://') && !url.includes('@')))(
    'refuses %s before any DNS answer is trusted',
    async (url) => {
      const vetted = await vettedAddresses(new URL(url), production, answering(['93.184.215.14']));
      expect(vetted).toEqual(expect.stringMatching(/^refused: /));
    },
  );

  it('refuses a name that resolved to a public address at verification and to loopback at delivery (DNS rebinding)', async () => {
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    const rebinding: ResolveHost = async () => answering(answers.shift()!)('');
    const url = new URL('https://erp.seller-shop.com/hooks');
    expect(await vettedAddresses(url, production, rebinding)).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect(await vettedAddresses(url, production, rebinding)).toEqual(expect.stringMatching(/^refused: /));
  });

  it('never says which internal address a name resolved to', async () => {
    const vetted = await vettedAddresses(new URL('https://erp.seller-shop.com/hooks'), production, answering(['10.20.30.40']));
    expect(vetted).not.toContain('10.20.30.40');
  });

  it('connects a public name to the addresses it was checked with, all of them public', async () => {
    const vetted = await vettedAddresses(
      new URL('https://erp.seller-shop.com/hooks'),
      production,
      answering(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']),
    );
    expect(vetted).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
  });

  it("locally, reaches this machine's receivers by loopback, but never the local cloud's own endpoints nor other local names", async () => {
    const unused: ResolveHost = async () => {
      throw new Error('must not resolve');
    };
    expect(await vettedAddresses(new URL('http://127.0.0.1:4000/hooks'), local, unused)).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(await vettedAddresses(new URL('http://localhost:4000/hooks'), local, unused)).toEqual([{ address: '127.0.0.1', family: 4 }]);
    expect(await vettedAddresses(new URL('http://127.0.0.1:43577/invoke/stalled-sweep'), local, unused)).toEqual(expect.stringMatching(/^refused: /));
    expect(await vettedAddresses(new URL('http://localhost:3000/v1/orders'), local, unused)).toEqual(expect.stringMatching(/^refused: /));
    expect(await vettedAddresses(new URL('http://10.0.0.1:4000/hooks'), local, unused)).toEqual(expect.stringMatching(/^refused: /));
    expect(await vettedAddresses(new URL('http://localhost.localdomain:4000/hooks'), local, unused)).toEqual(expect.stringMatching(/^refused: /));
  });
});
