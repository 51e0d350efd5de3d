import { categoryOf, topicForCategory, topicForStream, topicPattern } from './topic-naming';

describe('topic naming', () => {
  it('takes the category from the stream id up to the first dash', () => {
    expect(categoryOf('identity-42')).toBe('identity');
    expect(categoryOf('access_request-0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('access_request');
    expect(categoryOf('settings')).toBe('settings');
  });

  it('names one topic per category under the prefix', () => {
    expect(topicForStream('tenure', 'identity-42')).toBe('tenure.identity');
    expect(topicForStream('tenure', 'identity-43')).toBe('tenure.identity');
    expect(topicForStream('acme.prod', 'policy-1')).toBe('acme.prod.policy');
  });

  it('replaces characters Kafka does not allow in topic names', () => {
    expect(topicForCategory('tenure', 'über$app')).toBe('tenure._ber_app');
  });

  it('refuses an empty category and an over-long topic', () => {
    expect(() => topicForStream('tenure', '-42')).toThrow(RangeError);
    expect(() => topicForCategory('tenure', 'x'.repeat(250))).toThrow(RangeError);
  });

  it('matches every topic under a prefix and nothing else', () => {
    const pattern = topicPattern('tenure');
    expect(pattern.test('tenure.identity')).toBe(true);
    expect(pattern.test('tenurex.identity')).toBe(false);
    expect(pattern.test('other.tenure.identity')).toBe(false);
  });
});
