import { lambdaAttributes, lambdaStreamRecord } from '../../../local/pollers';

describe('local stream records as Lambda delivers them', () => {
  it('carries binary attributes in base64, at any depth, and leaves the others as they are', () => {
    const bytes = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]);
    expect(
      lambdaAttributes({
        pk: { S: 'SHIPMENT#shp_1' },
        version: { N: '3' },
        timeline: { B: bytes },
        set: { BS: [bytes] },
        nested: { M: { inner: { B: bytes } } },
        list: { L: [{ B: bytes }, { S: 'x' }] },
      }),
    ).toEqual({
      pk: { S: 'SHIPMENT#shp_1' },
      version: { N: '3' },
      timeline: { B: 'H4sIAA==' },
      set: { BS: ['H4sIAA=='] },
      nested: { M: { inner: { B: 'H4sIAA==' } } },
      list: { L: [{ B: 'H4sIAA==' }, { S: 'x' }] },
    });
  });

  it('survives JSON as Lambda hands it to the function (a Uint8Array would become an object of indexes)', () => {
    const record = lambdaStreamRecord(
      {
        eventID: '1',
        eventName: 'MODIFY',
        dynamodb: { SequenceNumber: '100', Keys: { pk: { S: 'a' } }, NewImage: { pk: { S: 'a' }, timeline: { B: Uint8Array.from([1, 2, 3]) } } },
      },
      'arn:stream',
    );
    expect(JSON.parse(JSON.stringify(record))).toMatchObject({
      eventName: 'MODIFY',
      dynamodb: { NewImage: { timeline: { B: 'AQID' } } },
      eventSourceARN: 'arn:stream',
    });
  });
});
