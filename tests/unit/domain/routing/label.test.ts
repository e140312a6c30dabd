import { CARRIERS, code128Modules, LABEL_SIZE, renderLabelZpl, trackingFormatFor, zplText, type LabelInput } from '../../../../domain/routing';

const input: LabelInput = {
  carrierName: 'Estafeta',
  serviceName: 'Enlace Standard Mexico (Estafeta)',
  serviceLevel: 'standard',
  trackingNumber: '8055241528464720099314',
  orderId: 'ord-7',
  shipTo: {
    name: 'María ^López~',
    streetLines: ['Av. Central 12', 'Int. 4'],
    neighborhood: 'Centro',
    city: 'Tuxtla Gutiérrez',
    state: 'Chiapas',
    postalCode: '29000',
    country: 'MX',
    phone: '+529611234567',
  },
  shipFrom: { name: 'Shenzhen Gadgets', city: 'Shenzhen', country: 'CN' },
  parcels: [{ weightGrams: 1200 }, { weightGrams: 640 }],
  sandbox: true,
};

const formats = (zpl: string): string[] => zpl.split(/(?=\^XA)/);

describe('ZPL label, 4 × 6 in', () => {
  const zpl = renderLabelZpl(input);

  it('one ^XA…^XZ format per parcel, sized 812 × 1218 dots (4 × 6 in at 203 dpi), UTF-8', () => {
    expect(LABEL_SIZE).toMatchObject({ widthDots: 812, heightDots: 1218 });
    const labels = formats(zpl);
    expect(labels).toHaveLength(2);
    for (const label of labels) {
      expect(label.startsWith('^XA')).toBe(true);
      expect(label.trimEnd().endsWith('^XZ')).toBe(true);
      expect(label).toContain('^PW812');
      expect(label).toContain('^LL1218');
      expect(label).toContain('^CI28');
    }
    expect(labels[0]).toContain('^FDPARCEL 1 OF 2 1.20 KG^FS');
    expect(labels[1]).toContain('^FDPARCEL 2 OF 2 0.64 KG^FS');
  });

  it('carries the Code 128 barcode of the tracking number, its text line, carrier, service, ship-to and order', () => {
    const [first = ''] = formats(zpl);
    expect(first).toMatch(/\^BY[234],3,220\^BCN,220,Y,N,N,A\^FD8055241528464720099314\^FS/);
    expect(first).toContain('^FDTRACKING 8055241528464720099314^FS');
    expect(first).toContain('^FDESTAFETA^FS');
    expect(first).toContain('^FDEnlace Standard Mexico (Estafeta)^FS');
    expect(first).toContain('^FDTuxtla Gutiérrez, Chiapas^FS');
    expect(first).toContain('^FD29000 MX^FS');
    expect(first).toContain('^FDORDER ord-7^FS');
    expect(first).toContain('SANDBOX');
  });

  it('strips ZPL command characters from text so data cannot inject commands', () => {
    expect(zpl).toContain('^FDMaría López^FS');
    expect(zplText('a^XZ~JR b')).toBe('a XZ JR b');
    expect(zplText('x'.repeat(100), 10)).toHaveLength(10);
  });

  it('is deterministic and prints no sandbox banner for a real booking', () => {
    expect(renderLabelZpl(input)).toBe(zpl);
    expect(renderLabelZpl({ ...input, sandbox: false })).not.toContain('SANDBOX');
  });

  it("fits every carrier's tracking number inside the printable width", () => {
    for (const carrier of CARRIERS) {
      for (const service of carrier.services) {
        const tn = trackingFormatFor(carrier, service.serviceId).generate('fit');
        const label = renderLabelZpl({ ...input, trackingNumber: tn, parcels: [{ weightGrams: 1000 }] });
        const match = /\^FO(\d+),750\^BY(\d)/.exec(label);
        const x = Number(match?.[1]);
        const module = Number(match?.[2]);
        expect(x).toBeGreaterThanOrEqual(40);
        expect(x + code128Modules(tn) * module).toBeLessThanOrEqual(LABEL_SIZE.widthDots - 40);
      }
    }
  });
});
