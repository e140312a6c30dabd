import { rateShipment, recipientKind } from '../../../../domain/rating';
import { findQuote, QUOTE_DATE, request, sumAmounts, usd } from './fixtures';

const at = QUOTE_DATE;

describe('DDP vs DDU', () => {
  const ddp = findQuote(rateShipment(request('BR', { incoterm: 'DDP', seller: { remessaConforme: true } }), { at }).quotes, 'enlace-standard-br');
  // A platform outside Remessa Conforme: customs collects from the buyer on delivery.
  const ddu = findQuote(rateShipment(request('BR', { incoterm: 'DDU', seller: { remessaConforme: false } }), { at }).quotes, 'enlace-standard-br');

  it('DDP: the seller pays the duties, prepaid with a DDP fee, and the quote says so', () => {
    expect(ddp.dutiesAndTaxes).toMatchObject({ payer: 'seller', estimate: false });
    expect(ddp.lines.map((l) => l.code)).toContain('DDP_SERVICE');
    expect(ddp.sellerPays).toEqual(ddp.totalCharges);
    expect(ddp.buyerPaysOnDelivery).toEqual(usd(0));
  });

  it('DDU: the buyer pays on delivery, the quote shows the estimate, no DDP fee', () => {
    expect(ddu.dutiesAndTaxes).toMatchObject({ payer: 'buyer', estimate: true });
    expect(ddu.lines.map((l) => l.code)).not.toContain('DDP_SERVICE');
    expect(ddu.sellerPays).toEqual(ddu.shippingTotal);
    expect(ddu.buyerPaysOnDelivery).toEqual(ddu.dutiesAndTaxes.total);
    expect(ddu.buyerPaidAtCheckout).toEqual(usd(0));
    expect(ddu.warnings).toContain('DDU: duties and taxes are an estimate; customs collects them from the buyer on delivery.');
  });

  it('the duties themselves do not depend on who pays them', () => {
    const dduConforme = findQuote(rateShipment(request('BR', { incoterm: 'DDU', seller: { remessaConforme: true } }), { at }).quotes, 'enlace-standard-br');
    expect(dduConforme.dutiesAndTaxes.lines).toEqual(ddp.dutiesAndTaxes.lines);
    expect(ddp.shippingTotal.amount - ddu.shippingTotal.amount).toBe(100); // the DDP fee, USD 1.00
  });

  it('charges no DDP fee when there is nothing to prepay (Peru under US$200)', () => {
    const lima = findQuote(rateShipment(request('PE'), { at }).quotes, 'enlace-standard-pe');
    expect(lima.dutiesAndTaxes.total).toEqual(usd(0));
    expect(lima.lines.map((l) => l.code)).not.toContain('DDP_SERVICE');
  });
});

describe('quote currency', () => {
  it('expresses every amount in the requested currency, keeping the card currency as the original', () => {
    const result = rateShipment(request('BR', { quoteCurrency: 'BRL', seller: { remessaConforme: true } }), { at });
    expect(result.currency).toBe('BRL');
    const quote = findQuote(result.quotes, 'enlace-standard-br');
    for (const l of [...quote.lines, ...quote.dutiesAndTaxes.lines]) expect(l.amount.currency).toBe('BRL');
    // CNY 146.80 × 5.40 / 7.10 = 111.652… → BRL 111.65; the last mile is already in BRL.
    expect(quote.lines[0]).toMatchObject({ amount: { amount: 11_165, currency: 'BRL' }, original: { amount: 14_680, currency: 'CNY' } });
    expect(quote.lines.find((l) => l.code === 'LAST_MILE')).toMatchObject({ amount: { amount: 1990, currency: 'BRL' } });
    expect(quote.lines.find((l) => l.code === 'LAST_MILE')?.original).toBeUndefined();
    // Duties are assessed in USD (thresholds are in USD) and converted: II USD 19.80 × 5.40 = BRL 106.92.
    expect(quote.dutiesAndTaxes.lines[0]).toMatchObject({ amount: { amount: 10_692, currency: 'BRL' }, original: usd(1980) });
    expect(quote.goodsValue).toEqual({ amount: 21_600, currency: 'BRL' });
    expect(quote.shippingTotal.amount).toBe(sumAmounts(quote.lines.map((l) => l.amount)));
  });

  it('converts goods priced in CNY for customs', () => {
    // 2 × CNY 142.00 = CNY 284.00 → USD 40.00 exactly at 7.10.
    const items = [{ quantity: 2, unitValue: { amount: 14_200, currency: 'CNY' as const }, hsCode: '610910', battery: 'none' as const }];
    const quote = findQuote(rateShipment(request('MX', { items }), { at }).quotes, 'enlace-standard-mx');
    expect(quote.dutiesAndTaxes.customsValue.fob).toEqual(usd(4000));
  });
});

describe('duties collected by the platform at checkout (regression: DDU told the buyer to pay them again on delivery)', () => {
  it('Brazil, Remessa Conforme platform, individual buyer: paid at checkout, nothing due on delivery, and the quote says so', () => {
    const quote = findQuote(rateShipment(request('BR', { incoterm: 'DDU', seller: { remessaConforme: true } }), { at }).quotes, 'enlace-standard-br');
    expect(quote.dutiesAndTaxes).toMatchObject({ payer: 'buyer', collectedAtCheckout: true, ruleId: expect.stringMatching(/^br-rts-conforme-/) });
    expect(quote.dutiesAndTaxes.total.amount).toBeGreaterThan(0);
    expect(quote.buyerPaysOnDelivery).toEqual(usd(0));
    expect(quote.buyerPaidAtCheckout).toEqual(quote.dutiesAndTaxes.total);
    expect(quote.warnings.filter((w) => w.startsWith('DDU'))).toEqual([expect.stringContaining('at checkout')]);
    expect(quote.warnings.join(' ')).not.toContain('customs collects them from the buyer on delivery');
  });

  it('Chile, SII-registered platform up to US$500: IVA paid at checkout, nothing due on delivery', () => {
    const quotes = rateShipment(request('CL', { incoterm: 'DDU', seller: { chileVatRegistered: true } }), { at }).quotes;
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(quote.dutiesAndTaxes).toMatchObject({ collectedAtCheckout: true, ruleId: 'cl-registered-platform-2025-10-25' });
      expect(quote.buyerPaysOnDelivery.amount).toBe(0);
    }
  });

  it('an unregistered platform in Chile still leaves duty and IVA to customs, on delivery', () => {
    const quotes = rateShipment(request('CL', { incoterm: 'DDU', seller: { chileVatRegistered: false } }), { at }).quotes;
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      expect(quote.dutiesAndTaxes.collectedAtCheckout).toBe(false);
      expect(quote.buyerPaysOnDelivery).toEqual(quote.dutiesAndTaxes.total);
    }
  });
});

describe('Remessa Conforme is for sales to individuals (regression: a CNPJ recipient got the 20% band)', () => {
  it('rates a company recipient on the standard 60% rule, collected by customs, even from a certified platform', () => {
    const individual = findQuote(rateShipment(request('BR', { incoterm: 'DDU', seller: { remessaConforme: true } }), { at }).quotes, 'enlace-standard-br');
    const company = findQuote(
      rateShipment(request('BR', { incoterm: 'DDU', seller: { remessaConforme: true }, recipient: 'company' }), { at }).quotes,
      'enlace-standard-br',
    );
    expect(individual.dutiesAndTaxes.ruleId).toMatch(/^br-rts-conforme-/);
    expect(company.dutiesAndTaxes.ruleId).toMatch(/^br-rts-standard-/);
    expect(company.dutiesAndTaxes.total.amount).toBeGreaterThan(individual.dutiesAndTaxes.total.amount);
    const ii = (quote: typeof company) => quote.dutiesAndTaxes.lines.find((line) => line.code === 'BR.II')!;
    expect(ii(company).basis).toMatch(/^60% × /);
    expect(company.dutiesAndTaxes.collectedAtCheckout).toBe(false);
    expect(company.buyerPaysOnDelivery).toEqual(company.dutiesAndTaxes.total);
  });
});

describe("an order's recipient, as rating sees it", () => {
  it.each([
    [undefined, 'individual'],
    [{ type: 'CPF', value: '390.533.447-05' }, 'individual'],
    [{ type: 'CNPJ', value: '11.222.333/0001-81' }, 'company'],
    [{ value: '11.222.333/0001-81' }, 'company'],
    [{ value: '12.ABC.345/01DE-35' }, 'company'],
    [{ value: '390.533.447-05' }, 'individual'],
    [{ type: 'RUT', value: '76.086.428-5' }, 'individual'],
  ])('%j is a recipient of kind %s', (taxId, kind) => {
    expect(recipientKind(taxId)).toBe(kind);
  });
});
