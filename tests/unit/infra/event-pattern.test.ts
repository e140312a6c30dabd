/**
 * EventBridge event patterns, tested against the examples in AWS's documentation. Each block names the page it is
 * built from; the events and patterns are the documented ones unless a comment says otherwise.
 *
 * Pages (Amazon EventBridge User Guide):
 *  - CREATING:  "Creating Amazon EventBridge event patterns"
 *               https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 *               (and its sub-page "Matching events on event field values", eb-filtering-data-types.html)
 *  - OPERATORS: "Content filtering in Amazon EventBridge event patterns", now titled "Comparison operators for use in
 *               event patterns in Amazon EventBridge"
 *               https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 *  - ARRAYS:    "Arrays in Amazon EventBridge event patterns"
 *               https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 *  - NULLS:     "Matching null values and empty strings in Amazon EventBridge event patterns"
 *               https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html
 *  - QUOTAS:    "Amazon EventBridge quotas" https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html
 *  - RULER:     Event Ruler README, AWS's open-source engine behind EventBridge, for behaviour the guide leaves
 *               implicit: https://github.com/aws/event-ruler
 */
import { InvalidEventPatternError, matchesEventPattern, MAX_EVENT_PATTERN_LENGTH, validateEventPattern } from '../../../local/eventbridge/event-pattern';

type Json = Record<string, unknown>;

/** Validates first, as the emulator does on PutRule, so every pattern used in a match test is also a valid one. */
function matches(pattern: Json, event: unknown): boolean {
  validateEventPattern(pattern);
  return matchesEventPattern(pattern, event);
}

function rejectionOf(pattern: unknown): InvalidEventPatternError {
  try {
    validateEventPattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

// CREATING: the Amazon EC2 event used throughout the page.
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

// CREATING / NULLS: the Amazon EC2 Auto Scaling event with an empty string and a null.
const autoScalingEvent = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

// RULER: the sample event the README's operator examples are written against.
const rulerEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

function withDetail(detail: Json): Json {
  return { ...rulerEvent, detail };
}

describe('event pattern basics (CREATING)', () => {
  const terminationPattern = {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Instance State-change Notification'],
    detail: { state: ['terminated'] },
  };

  it('matches the documented instance-termination pattern against the documented EC2 event', () => {
    expect(matches(terminationPattern, ec2Event)).toBe(true);
  });

  it('requires every field to match (AND): a different detail.state fails', () => {
    expect(matches(terminationPattern, { ...ec2Event, detail: { ...ec2Event.detail, state: 'running' } })).toBe(false);
  });

  it('requires every field named in the pattern to be present in the event', () => {
    const withoutSource: Json = { ...ec2Event };
    delete withoutSource.source;
    expect(matches(terminationPattern, withoutSource)).toBe(false);
  });

  it('requires the same nesting structure: state at the top level does not satisfy detail.state', () => {
    expect(matches(terminationPattern, { ...ec2Event, state: 'terminated', detail: {} })).toBe(false);
  });

  it('ignores event fields the pattern does not mention', () => {
    expect(matches({ source: ['aws.ec2'] }, { ...ec2Event, extra: { anything: [1, 2, 3] } })).toBe(true);
  });

  it('treats values in a pattern array as alternatives (OR): source is aws.ec2 or aws.fargate', () => {
    const pattern = { source: ['aws.ec2', 'aws.fargate'] };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, { ...ec2Event, source: 'aws.fargate' })).toBe(true);
    expect(matches(pattern, { ...ec2Event, source: 'aws.ecs' })).toBe(false);
  });

  it('matches strings character by character, without case folding', () => {
    expect(matches({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matches({ source: ['aws.ec2 '] }, ec2Event)).toBe(false);
  });

  it('matches the documented Macie pattern on nested numeric fields (risk-score 80, trigger.risk 8)', () => {
    const macieEvent = {
      'detail-type': 'Macie Alert',
      source: 'aws.macie',
      detail: { 'notification-type': 'ALERT_CREATED', 'risk-score': 80, trigger: { 'alert-type': 'basic', risk: 8 } },
    };
    const pattern = {
      source: ['aws.macie'],
      'detail-type': ['Macie Alert'],
      detail: { 'risk-score': [80], trigger: { risk: [8] } },
    };
    expect(matches(pattern, macieEvent)).toBe(true);
    expect(matches(pattern, { ...macieEvent, detail: { ...macieEvent.detail, trigger: { risk: 9 } } })).toBe(false);
  });

  it('does not coerce types: the number 80 does not match the string "80", nor true the string "true"', () => {
    expect(matches({ detail: { score: ['80'] } }, { detail: { score: 80 } })).toBe(false);
    expect(matches({ detail: { score: [80] } }, { detail: { score: '80' } })).toBe(false);
    expect(matches({ detail: { flag: [true] } }, { detail: { flag: 'true' } })).toBe(false);
    expect(matches({ detail: { flag: [true] } }, { detail: { flag: true } })).toBe(true);
  });

  // The older guide said "300, 300.0, and 3.0e2 are not considered equal", but Event Ruler adds a numeric-equality
  // matcher for every number in a pattern, and once JSON is parsed in JavaScript the three are the same value anyway.
  it('compares plain numbers by value: 300 matches 300.0 and 3.0e2', () => {
    const pattern = JSON.parse('{ "detail": { "x": [300] } }') as Json;
    expect(matches(pattern, JSON.parse('{ "detail": { "x": 300.0 } }'))).toBe(true);
    expect(matches(pattern, JSON.parse('{ "detail": { "x": 3.0e2 } }'))).toBe(true);
    expect(matches(pattern, JSON.parse('{ "detail": { "x": 300.5 } }'))).toBe(false);
  });

  it('uses the last occurrence when a pattern repeats a key (OPERATORS note; JSON.parse keeps the last)', () => {
    const pattern = JSON.parse('{ "detail": { "location": [ { "prefix": "us-" } ], "location": [ { "anything-but": "us-east" } ] } }') as Json;
    expect(matches(pattern, { detail: { location: 'eu-west' } })).toBe(true);
    expect(matches(pattern, { detail: { location: 'us-east' } })).toBe(false);
  });

  it('does not find inherited properties: a "constructor" or "__proto__" field must really be in the event', () => {
    expect(matches({ constructor: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ constructor: [{ exists: false }] }, {})).toBe(true);
    // JSON.parse makes "__proto__" an own key; {}.__proto__.__proto__ would otherwise be a null leaf.
    const pattern = JSON.parse('{ "__proto__": { "__proto__": [null] } }') as Json;
    expect(matches(pattern, {})).toBe(false);
    expect(matches(pattern, JSON.parse('{ "__proto__": { "__proto__": null } }'))).toBe(true);
  });
});

describe('null values and empty strings (NULLS)', () => {
  it('matches an empty string with [""]', () => {
    expect(matches({ detail: { eventVersion: [''] } }, autoScalingEvent)).toBe(true);
  });

  it('matches a null value with [null]', () => {
    expect(matches({ detail: { responseElements: [null] } }, autoScalingEvent)).toBe(true);
  });

  it('does not treat null and the empty string as interchangeable', () => {
    expect(matches({ detail: { responseElements: [''] } }, autoScalingEvent)).toBe(false);
    expect(matches({ detail: { eventVersion: [null] } }, autoScalingEvent)).toBe(false);
  });

  it('does not match [null] against a field that is missing', () => {
    expect(matches({ detail: { notThere: [null] } }, autoScalingEvent)).toBe(false);
  });

  it('matches the documented responseElements pattern together with source and detail-type (CREATING)', () => {
    const pattern = {
      source: ['aws.autoscaling'],
      'detail-type': ['EC2 Instance Launch Successful'],
      detail: { responseElements: [null] },
    };
    expect(matches(pattern, autoScalingEvent)).toBe(true);
    expect(matches(pattern, { ...autoScalingEvent, detail: { responseElements: {} } })).toBe(false);
  });
});

describe('arrays in events (ARRAYS)', () => {
  const resourcesPattern = {
    resources: [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
    ],
  };

  it('matches when the pattern array and the event array intersect (documented example)', () => {
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matches(resourcesPattern, event)).toBe(true);
  });

  it('does not match when the intersection is empty', () => {
    const event = { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] };
    expect(matches(resourcesPattern, event)).toBe(false);
  });

  it('does not match an empty event array', () => {
    expect(matches(resourcesPattern, { resources: [] })).toBe(false);
  });

  it('applies operators to each element of an event array', () => {
    const event = { detail: { tags: ['Custom_Alert', 'Insider'] } };
    expect(matches({ detail: { tags: [{ prefix: 'Ins' }] } }, event)).toBe(true);
    expect(matches({ detail: { tags: [{ prefix: 'Out' }] } }, event)).toBe(false);
  });

  // RULER, "JSON Array Matching": arrays are "crushed out", including multi-level arrays, but a match may not use
  // fields from objects in different elements of the same array.
  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it('descends into arrays of objects (Ruler employees example)', () => {
    expect(matches({ employees: { firstName: ['Anna'] } }, employees)).toBe(true);
    expect(matches({ employees: { firstName: ['Maria'] } }, employees)).toBe(false);
  });

  it('descends into multi-level arrays', () => {
    const nested = { employees: [[employees.employees[0], employees.employees[1]], [employees.employees[2]]] };
    expect(matches({ employees: { firstName: ['Peter'] } }, nested)).toBe(true);
  });

  it('keeps array elements consistent: Anna/Jones spans two elements, Anna/Smith is one', () => {
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees)).toBe(false);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees)).toBe(true);
  });
});

describe('prefix (OPERATORS)', () => {
  it('matches the documented time prefix 2017-10-02', () => {
    const pattern = { time: [{ prefix: '2017-10-02' }] };
    expect(matches(pattern, { time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matches(pattern, { time: '2017-10-03T18:43:48Z' })).toBe(false);
  });

  it('is case-sensitive by default', () => {
    expect(matches({ region: [{ prefix: 'us-' }] }, { region: 'US-east-1' })).toBe(false);
  });

  it('ignores case with { "equals-ignore-case": "EventB" } (documented service example)', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    expect(matches(pattern, { detail: { service: 'EventBridge' } })).toBe(true);
    expect(matches(pattern, { detail: { service: 'EVENTBRIDGE' } })).toBe(true);
    expect(matches(pattern, { detail: { service: 'eventbus' } })).toBe(true);
    expect(matches(pattern, { detail: { service: 'Lambda' } })).toBe(false);
  });

  it('only applies to strings', () => {
    expect(matches({ detail: { code: [{ prefix: '12' }] } }, { detail: { code: 123 } })).toBe(false);
  });
});

describe('suffix (OPERATORS)', () => {
  it('matches the documented FileName ending in .png', () => {
    const pattern = { FileName: [{ suffix: '.png' }] };
    expect(matches(pattern, { FileName: 'image.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'image.PNG' })).toBe(false);
    expect(matches(pattern, { FileName: 'image.png.bak' })).toBe(false);
  });

  it('ignores case with { "equals-ignore-case": ".png" } (documented example)', () => {
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matches(pattern, { detail: { FileName: 'photo.PNG' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'photo.Png' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'photo.jpg' } })).toBe(false);
  });

  it('only applies to strings', () => {
    expect(matches({ detail: { code: [{ suffix: '3' }] } }, { detail: { code: 123 } })).toBe(false);
  });
});

describe('equals-ignore-case (OPERATORS)', () => {
  it('matches Name "Alice" with { "equals-ignore-case": "alice" }', () => {
    const pattern = { Name: [{ 'equals-ignore-case': 'alice' }] };
    expect(matches(pattern, { Name: 'Alice' })).toBe(true);
    expect(matches(pattern, { Name: 'ALICE' })).toBe(true);
    expect(matches(pattern, { Name: 'Alicia' })).toBe(false);
  });

  it('only applies to strings', () => {
    expect(matches({ flag: [{ 'equals-ignore-case': 'true' }] }, { flag: true })).toBe(false);
  });
});

describe('anything-but (OPERATORS)', () => {
  it('matches anything except the string "initializing"', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matches(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matches(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('matches anything except the number 123', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };
    expect(matches(pattern, withDetail({ 'x-limit': 124 }))).toBe(true);
    expect(matches(pattern, withDetail({ 'x-limit': 123 }))).toBe(false);
  });

  it('matches anything except a list of strings ["stopped", "overloaded"]', () => {
    const pattern = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matches(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matches(pattern, withDetail({ state: 'stopped' }))).toBe(false);
    expect(matches(pattern, withDetail({ state: 'overloaded' }))).toBe(false);
  });

  it('matches anything except a list of numbers [100, 200, 300]', () => {
    const pattern = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matches(pattern, withDetail({ 'x-limit': 301.8 }))).toBe(true);
    expect(matches(pattern, withDetail({ 'x-limit': 200 }))).toBe(false);
  });

  it('matches anything except Weather "Raining" (comparison table)', () => {
    const pattern = { Weather: [{ 'anything-but': ['Raining'] }] };
    expect(matches(pattern, { Weather: 'Sunny' })).toBe(true);
    expect(matches(pattern, { Weather: 'Raining' })).toBe(false);
  });

  it('does not match when the field is missing: it needs a value to compare', () => {
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({}))).toBe(false);
  });

  it('does not let a string list exclude a number of the same spelling', () => {
    expect(matches({ detail: { code: [{ 'anything-but': ['5'] }] } }, { detail: { code: 5 } })).toBe(true);
  });

  it('matches an event array when any element is not excluded (ARRAYS intersection semantics)', () => {
    const pattern = { detail: { state: [{ 'anything-but': 'stopped' }] } };
    expect(matches(pattern, { detail: { state: ['stopped', 'running'] } })).toBe(true);
    expect(matches(pattern, { detail: { state: ['stopped'] } })).toBe(false);
  });

  // RULER source (ByteMachine): the string forms can only rule out strings, so any other value present matches.
  it('lets the prefix/suffix/equals-ignore-case/wildcard forms match values that are not strings', () => {
    expect(matches({ s: [{ 'anything-but': { prefix: 'init' } }] }, { s: 5 })).toBe(true);
    expect(matches({ s: [{ 'anything-but': { wildcard: '*' } }] }, { s: null })).toBe(true);
    expect(matches({ s: [{ 'anything-but': { wildcard: '*' } }] }, { s: 'anything' })).toBe(false);
  });

  it('excludes a prefix: "state" not starting with "init"', () => {
    const pattern = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(matches(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matches(pattern, withDetail({ state: 'initializing' }))).toBe(false);
  });

  it('excludes a prefix: Region not in the US (comparison table)', () => {
    const pattern = { Region: [{ 'anything-but': { prefix: 'us-' } }] };
    expect(matches(pattern, { Region: 'eu-west-1' })).toBe(true);
    expect(matches(pattern, { Region: 'us-east-1' })).toBe(false);
  });

  it('excludes a suffix: FileName not ending with .png', () => {
    const pattern = { FileName: [{ 'anything-but': { suffix: '.png' } }] };
    expect(matches(pattern, { FileName: 'notes.txt' })).toBe(true);
    expect(matches(pattern, { FileName: 'photo.png' })).toBe(false);
  });

  it('excludes ignoring case: state other than "initializing" in any casing', () => {
    const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] };
    expect(matches(pattern, { state: 'running' })).toBe(true);
    expect(matches(pattern, { state: 'INITIALIZING' })).toBe(false);
    expect(matches(pattern, { state: 'Initializing' })).toBe(false);
  });

  it('excludes a list of values ignoring case', () => {
    const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }] };
    expect(matches(pattern, { state: 'Running' })).toBe(true);
    expect(matches(pattern, { state: 'STOPPED' })).toBe(false);
  });

  it('excludes a wildcard: FilePath not including /lib/', () => {
    const pattern = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
    expect(matches(pattern, { FilePath: '/usr/bin/node' })).toBe(true);
    expect(matches(pattern, { FilePath: '/usr/lib/node' })).toBe(false);
  });
});

describe('numeric (OPERATORS)', () => {
  const pattern = {
    detail: {
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ numeric: ['=', 3.018e2] }],
    },
  };

  it('matches only when every documented numeric condition holds', () => {
    expect(matches(pattern, rulerEvent)).toBe(true);
  });

  it('fails when c-count is outside (0, 5]: 0 and 6', () => {
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'c-count': 0 }))).toBe(false);
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'c-count': 6 }))).toBe(false);
  });

  it('treats <= as inclusive and > as exclusive at the bounds', () => {
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'c-count': 5 }))).toBe(true);
    expect(matches({ n: [{ numeric: ['>', 0] }] }, { n: 0 })).toBe(false);
    expect(matches({ n: [{ numeric: ['>=', 0] }] }, { n: 0 })).toBe(true);
  });

  it('fails when d-count is not below 10', () => {
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'd-count': 10 }))).toBe(false);
  });

  it('matches x-limit 301.8 against = 3.018e2 and not 301.9', () => {
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'x-limit': 301.9 }))).toBe(false);
  });

  it('matches Price more than 10 and at most 20 (comparison table)', () => {
    const price = { Price: [{ numeric: ['>', 10, '<=', 20] }] };
    expect(matches(price, { Price: 20 })).toBe(true);
    expect(matches(price, { Price: 10 })).toBe(false);
    expect(matches(price, { Price: 20.5 })).toBe(false);
  });

  it('matches Price = 100 numerically (comparison table)', () => {
    expect(matches({ Price: [{ numeric: ['=', 100] }] }, { Price: 100.0 })).toBe(true);
    expect(matches({ Price: [{ numeric: ['=', 100] }] }, { Price: 101 })).toBe(false);
  });

  it('only works with JSON numbers, not numeric strings', () => {
    expect(matches({ n: [{ numeric: ['<', 10] }] }, { n: '5' })).toBe(false);
  });

  it('only works within the documented -5.0e9..+5.0e9 range', () => {
    expect(matches({ n: [{ numeric: ['>', 0] }] }, { n: 5e9 })).toBe(true);
    expect(matches({ n: [{ numeric: ['>', 0] }] }, { n: 6e9 })).toBe(false);
  });
});

describe('cidr, IP address matching (OPERATORS)', () => {
  const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };

  it('matches addresses inside 10.0.0.0/24', () => {
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.0' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.255' } })).toBe(true);
  });

  it('does not match addresses outside it, or values that are not IP addresses', () => {
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.1.0' } })).toBe(false);
    expect(matches(pattern, { detail: { sourceIPAddress: 'not-an-ip' } })).toBe(false);
    expect(matches(pattern, { detail: { sourceIPAddress: 167772161 } })).toBe(false);
  });

  // RULER source (CIDR.computeBottomBytes): host bits in the written address are masked off.
  it('covers the whole block even when the written address has host bits set', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.5/24' }] }, { ip: '10.0.0.1' })).toBe(true);
  });

  it('works with the Ruler example 10.0.0.0/8', () => {
    expect(matches({ detail: { 'source-ip': [{ cidr: '10.0.0.0/8' }] } }, rulerEvent)).toBe(true);
  });

  it('also works for IPv6 (the guide: "IPv4 and IPv6 addresses")', () => {
    const v6 = { ip: [{ cidr: '2001:db8::/32' }] };
    expect(matches(v6, { ip: '2001:db8:1::1' })).toBe(true);
    expect(matches(v6, { ip: '2001:db9::1' })).toBe(false);
    expect(matches(v6, { ip: '10.0.0.1' })).toBe(false);
  });
});

describe('exists (OPERATORS)', () => {
  const ec2Pending = {
    version: '0',
    id: '7bf73129-1428-4cd3-a780-95db273d1602',
    'detail-type': 'EC2 Instance State-change Notification',
    source: 'aws.ec2',
    account: '123456789012',
    time: '2015-11-11T21:29:54Z',
    region: 'us-east-1',
    resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
    detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
  };
  const withObjectCCount = {
    'detail-type': ['EC2 Instance State-change Notification'],
    resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
    detail: { 'c-count': { c1: 100 } },
  };

  it('exists: true matches an event that has detail.state', () => {
    expect(matches({ detail: { state: [{ exists: true }] } }, ec2Pending)).toBe(true);
  });

  it('exists: true does not match an event without detail.state', () => {
    expect(matches({ detail: { state: [{ exists: true }] } }, withObjectCCount)).toBe(false);
  });

  it('exists: false matches an event without detail.c-count', () => {
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, ec2Pending)).toBe(true);
  });

  it('exists: false does not match an event that has detail.c-count as a leaf', () => {
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, rulerEvent)).toBe(false);
  });

  it('only works on leaf nodes: exists: false still matches when c-count is an object', () => {
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, withObjectCCount)).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, withObjectCCount)).toBe(false);
  });

  it('exists: false matches when the parent is an empty array, since no leaf exists under it', () => {
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, { detail: [] })).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, { detail: [{ 'c-count': 1 }] })).toBe(false);
  });

  it('exists: false matches when the parent object is missing entirely', () => {
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, { source: 'x' })).toBe(true);
  });

  it('treats a field holding null as present (null is a leaf value)', () => {
    expect(matches({ detail: { responseElements: [{ exists: true }] } }, autoScalingEvent)).toBe(true);
    expect(matches({ detail: { responseElements: [{ exists: false }] } }, autoScalingEvent)).toBe(false);
  });

  it('matches ProductName exists / does not exist (comparison table)', () => {
    expect(matches({ ProductName: [{ exists: true }] }, { ProductName: 'Widget' })).toBe(true);
    expect(matches({ ProductName: [{ exists: false }] }, { ProductName: 'Widget' })).toBe(false);
  });
});

describe('wildcard (OPERATORS)', () => {
  it('matches any .png file within the folder dir', () => {
    const pattern = { FileName: [{ wildcard: 'dir/*.png' }] };
    expect(matches(pattern, { FileName: 'dir/photo.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/sub/photo.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'other/photo.png' })).toBe(false);
    expect(matches(pattern, { FileName: 'dir/photo.jpg' })).toBe(false);
  });

  it('supports several wildcards, e.g. *Title* and Simple*Service (Ruler)', () => {
    expect(matches({ t: [{ wildcard: '*Title*' }] }, { t: 'The Title Here' })).toBe(true);
    expect(matches({ t: [{ wildcard: '*Title*' }] }, { t: 'The title here' })).toBe(false);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' })).toBe(true);
    expect(matches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueServices' })).toBe(false);
  });

  it('requires literal segments in order and without overlap', () => {
    expect(matches({ v: [{ wildcard: 'a*ba*b' }] }, { v: 'abab' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'ab*ba' }] }, { v: 'aba' })).toBe(false);
    expect(matches({ v: [{ wildcard: '*b*a' }] }, { v: 'ab' })).toBe(false);
    expect(matches({ v: [{ wildcard: '*b*a*' }] }, { v: 'ab' })).toBe(false);
    expect(matches({ v: [{ wildcard: '*b*a*' }] }, { v: 'xbxax' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*aa*aa*' }] }, { v: 'aaa' })).toBe(false);
    expect(matches({ v: [{ wildcard: '*aa*aa*' }] }, { v: 'aaaa' })).toBe(true);
  });

  it('treats \\* as a literal asterisk and \\\\ as a literal backslash', () => {
    expect(matches({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axb' })).toBe(false);
    expect(matches({ v: [{ wildcard: 'c:\\\\*' }] }, { v: 'c:\\temp' })).toBe(true);
  });

  it('only applies to strings', () => {
    expect(matches({ v: [{ wildcard: '*' }] }, { v: 5 })).toBe(false);
    expect(matches({ v: [{ wildcard: '*' }] }, { v: '' })).toBe(true);
  });
});

describe('$or (OPERATORS)', () => {
  it('matches Location "New York" or Day "Monday" (comparison table)', () => {
    const pattern = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    expect(matches(pattern, { Location: 'New York', Day: 'Friday' })).toBe(true);
    expect(matches(pattern, { Location: 'Boston', Day: 'Monday' })).toBe(true);
    expect(matches(pattern, { Location: 'Boston', Day: 'Friday' })).toBe(false);
  });

  it('combines $or with ordinary fields: source AND (metricName OR namespace)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matches(pattern, { source: 'aws.ec2', namespace: 'AWS/ES' })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false);
  });

  it('works inside a nested object, with operators in the branches', () => {
    const pattern = {
      detail: {
        $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ numeric: ['=', 3.018e2] }] }],
      },
    };
    expect(matches(pattern, withDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 301.8 }))).toBe(true);
    expect(matches(pattern, withDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 1 }))).toBe(false);
  });

  it('supports AND inside a branch and nested $or (Ruler "Nested Or and And")', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' };
    expect(matches(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matches(pattern, { ...base, spaceId: 1001 })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('supports parallel $or at different levels (Ruler "Parallel Or")', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(matches(pattern, { metricName: 'ReadLatency', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(matches(pattern, { metricName: 'ReadLatency', detail: { source: 'aws.ec2' } })).toBe(false);
  });
});

describe('a complex pattern combining operators (OPERATORS)', () => {
  const pattern = {
    time: [{ prefix: '2017-10-02' }],
    detail: {
      state: [{ 'anything-but': 'initializing' }],
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ 'anything-but': [100, 200, 300] }],
      'source-ip': [{ cidr: '10.0.0.0/8' }],
    },
  };

  it('matches the Ruler sample event', () => {
    expect(matches(pattern, rulerEvent)).toBe(true);
  });

  it('fails as soon as one operator fails', () => {
    expect(matches(pattern, { ...rulerEvent, time: '2017-10-03T00:00:00Z' })).toBe(false);
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, state: 'initializing' }))).toBe(false);
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'x-limit': 300 }))).toBe(false);
    expect(matches(pattern, withDetail({ ...rulerEvent.detail, 'source-ip': '192.168.0.1' }))).toBe(false);
  });
});

describe('validateEventPattern accepts the documented patterns', () => {
  const documented: Json[] = [
    { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } },
    { source: ['aws.ec2', 'aws.fargate'] },
    { detail: { eventVersion: [''] } },
    { detail: { responseElements: [null] } },
    { Location: ['New York'], Day: ['Monday'] },
    { time: [{ prefix: '2017-10-02' }] },
    { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    { FileName: [{ suffix: '.png' }] },
    { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    { Name: [{ 'equals-ignore-case': 'alice' }] },
    { detail: { state: [{ 'anything-but': 'initializing' }] } },
    { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    { FileName: [{ 'anything-but': { suffix: '.png' } }] },
    { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
    { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
    { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } },
    { Price: [{ numeric: ['>=', 10, '<', 20] }] },
    { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    { detail: { state: [{ exists: true }] } },
    { detail: { 'c-count': [{ exists: false }] } },
    { FileName: [{ wildcard: 'dir/*.png' }] },
    { v: [{ wildcard: 'a\\*b\\\\c*' }] },
    { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    { detail: { $or: [{ 'c-count': [{ numeric: ['>', 0] }] }, { 'd-count': [{ numeric: ['<', 10] }] }] } },
    { prefix: ['a field may be named like an operator outside $or'] },
  ];

  it.each(documented.map((pattern) => [JSON.stringify(pattern), pattern]))('accepts %s', (_label, pattern) => {
    expect(() => validateEventPattern(pattern)).not.toThrow();
  });
});

describe('validateEventPattern rejects invalid patterns', () => {
  const invalid: Array<[string, unknown, string]> = [
    ['a non-object pattern', ['aws.ec2'], 'Filter is not an object'],
    ['a null pattern', null, 'Filter is not an object'],
    ['an empty pattern', {}, 'Empty objects are not allowed'],
    ['an empty nested object', { detail: {} }, 'Empty objects are not allowed'],
    ['a leaf value that is not an array', { source: 'aws.ec2' }, '"source" must be an object or an array'],
    ['a numeric leaf that is not an array', { detail: { count: 5 } }, '"count" must be an object or an array'],
    ['an empty array', { source: [] }, 'Empty arrays are not allowed'],
    ['a nested array as a match value', { source: [['aws.ec2']] }, 'Match value must be String, number, true, false, or null'],
    ['an unknown operator', { foo: [{ bogus: 1 }] }, 'Unrecognized match type bogus'],
    ['an empty operator object', { foo: [{}] }, 'Match expression name not found'],
    ['two operators in one object', { foo: [{ prefix: 'a', suffix: 'b' }] }, 'Only one key allowed in match expression'],
    ['a non-string prefix', { foo: [{ prefix: 5 }] }, 'prefix match pattern must be a string'],
    ['an unsupported prefix object', { foo: [{ prefix: { wildcard: 'a*' } }] }, 'Unsupported prefix pattern: wildcard'],
    ['a non-string suffix', { foo: [{ suffix: ['a'] }] }, 'suffix match pattern must be a string'],
    ['a non-string equals-ignore-case', { foo: [{ 'equals-ignore-case': 1 }] }, 'equals-ignore-case match pattern must be a string'],
    ['a non-boolean exists', { foo: [{ exists: 'true' }] }, 'exists match pattern must be either true or false.'],
    ['a numeric operand that is not an array', { n: [{ numeric: '>5' }] }, 'Value of numeric must be an array.'],
    ['a numeric bound that is a string', { n: [{ numeric: ['>', 'x'] }] }, 'Value of > must be numeric'],
    ['a numeric bound that is missing', { n: [{ numeric: ['='] }] }, 'Value of equals must be numeric'],
    ['an unknown numeric operator', { n: [{ numeric: ['!=', 5] }] }, 'Unrecognized numeric range operator: !='],
    ['a numeric operator that is not a string', { n: [{ numeric: [5, '>'] }] }, 'Invalid member in numeric match: 5'],
    ['a range with the upper bound first', { n: [{ numeric: ['<', 10, '>', 0] }] }, 'Too many elements in numeric expression'],
    ['a range with a lower operator second', { n: [{ numeric: ['>', 0, '>=', 10] }] }, 'Bad numeric range operator: >='],
    ['a range whose bottom is not below its top', { n: [{ numeric: ['>', 10, '<', 5] }] }, 'Bottom must be less than top'],
    ['a range with extra terms', { n: [{ numeric: ['>', 0, '<', 5, '<', 6] }] }, 'Too many terms in numeric range expression'],
    ['an equality with extra terms', { n: [{ numeric: ['=', 1, '<', 5] }] }, 'Too many elements in numeric expression'],
    ['a numeric bound beyond 5.0e9', { n: [{ numeric: ['<', 6e9] }] }, 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['anything-but null', { s: [{ 'anything-but': null }] }, 'Value of anything-but must be an array or single string/number value.'],
    ['anything-but with a boolean in its list', { s: [{ 'anything-but': ['a', true] }] }, 'Inside anything but list, start|null|boolean is not supported.'],
    [
      'anything-but with a list of prefixes',
      { s: [{ 'anything-but': [{ prefix: 'a' }, { prefix: 'b' }] }] },
      'Inside anything but list, start|null|boolean is not supported.',
    ],
    ['anything-but with mixed types', { s: [{ 'anything-but': ['a', 1] }] }, 'mixed type is not supported'],
    ['anything-but with an empty list', { s: [{ 'anything-but': [] }] }, 'mixed type is not supported'],
    ['anything-but with an unsupported operator', { s: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'Unsupported anything-but pattern: numeric'],
    ['anything-but with an empty prefix', { s: [{ 'anything-but': { prefix: '' } }] }, 'Null prefix/suffix not allowed'],
    ['anything-but with a numeric suffix', { s: [{ 'anything-but': { suffix: 5 } }] }, 'Value of anything-but must be an array or single string/number value.'],
    ['anything-but with consecutive wildcards', { s: [{ 'anything-but': { wildcard: 'a**' } }] }, 'Consecutive wildcard characters at pos 1'],
    ['a non-string wildcard', { s: [{ wildcard: 5 }] }, 'wildcard match pattern must be a string'],
    ['consecutive wildcards', { s: [{ wildcard: 'dir/**.png' }] }, 'Consecutive wildcard characters at pos 4'],
    ['a wildcard escaping something other than * or \\', { s: [{ wildcard: 'a\\b' }] }, 'Invalid escape character at pos 1'],
    ['a wildcard ending in a lone backslash', { s: [{ wildcard: 'a\\' }] }, 'Invalid escape character at pos 1'],
    ['a CIDR without a mask', { ip: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required"],
    ['a CIDR with a bad address', { ip: [{ cidr: '10.0.0.300/24' }] }, 'Invalid IP address: 10.0.0.300'],
    ['a CIDR with a non-integer mask', { ip: [{ cidr: '10.0.0.0/x' }] }, 'Malformed CIDR, mask bits must be an integer'],
    ['an IPv4 CIDR mask of 32 or more', { ip: [{ cidr: '10.0.0.0/33' }] }, 'IPv4 mask bits must be < 32'],
    ['$or that is not an array', { $or: { a: ['x'] } }, 'It must be an Array followed with $or.'],
    ['$or with a single branch', { $or: [{ a: ['x'] }] }, 'There must have at least 2 Objects in $or relationship.'],
    ['$or with a non-object branch', { $or: [{ a: ['x'] }, ['b']] }, 'Only JSON object is allowed in array of $or relationship.'],
    ['$or with an empty branch', { $or: [{ a: ['x'] }, {}] }, 'Empty objects are not allowed'],
    ['$or with an invalid branch', { $or: [{ a: ['x'] }, { b: 'y' }] }, '"b" must be an object or an array'],
    [
      'an operator name used as a field inside $or',
      { $or: [{ numeric: [123] }, { prefix: ['abc'] }] },
      'numeric is Ruler reserved fieldName which cannot be used inside $or.',
    ],
  ];

  it.each(invalid)('rejects %s', (_label, pattern, reason) => {
    const error = rejectionOf(pattern);
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error.message).toMatch(/^Event pattern is not valid\. Reason: /);
    expect(error.reason).toContain(reason);
  });

  it('reports where in the pattern the problem is', () => {
    const error = rejectionOf({ detail: { state: ['ok', { prefix: 1 }] } });
    expect(error.path).toBe('detail.state[1].prefix');
    expect(error.message).toContain('detail.state[1].prefix');
  });

  // QUOTAS: "Event pattern: 2048 characters maximum."
  it('enforces the 2048-character event pattern quota', () => {
    const padding = 'x'.repeat(MAX_EVENT_PATTERN_LENGTH);
    expect(MAX_EVENT_PATTERN_LENGTH).toBe(2048);
    expect(rejectionOf({ source: [padding] }).reason).toMatch(/maximum is 2048/);
    const fits = { source: ['x'.repeat(MAX_EVENT_PATTERN_LENGTH - '{"source":[""]}'.length)] };
    expect(JSON.stringify(fits)).toHaveLength(MAX_EVENT_PATTERN_LENGTH);
    expect(() => validateEventPattern(fits)).not.toThrow();
  });

  it('lets a caller with a different limit (e.g. Lambda FilterCriteria) set maxLength', () => {
    const pattern = { source: ['x'.repeat(3000)] };
    expect(() => validateEventPattern(pattern, { maxLength: 4096 })).not.toThrow();
    expect(() => validateEventPattern(pattern, { maxLength: 100 })).toThrow(InvalidEventPatternError);
  });
});
