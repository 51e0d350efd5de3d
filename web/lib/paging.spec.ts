import { hrefWith, pageOf, pageParam } from './paging';

describe('paging', () => {
  const items = Array.from({ length: 45 }, (_, index) => index + 1);

  it('given 45 items, when page 3 of 20 is asked, then it holds the last 5 of 3 pages', () => {
    expect(pageOf(items, 3, 20)).toEqual({ items: [41, 42, 43, 44, 45], page: 3, pageCount: 3, total: 45 });
  });

  it('given a page past the end or below 1, when it is asked, then the nearest page is given', () => {
    expect(pageOf(items, 9, 20).page).toBe(3);
    expect(pageOf(items, 0, 20).page).toBe(1);
    expect(pageOf([], 2, 20)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });

  it('given search parameters, when a page number is read, then anything but a positive integer is page 1', () => {
    expect(pageParam('4')).toBe(4);
    expect(pageParam(['2', '5'])).toBe(2);
    expect(pageParam('-1')).toBe(1);
    expect(pageParam('x')).toBe(1);
    expect(pageParam(undefined)).toBe(1);
  });

  it('given the current parameters, when a link changes some, then the others are kept and emptied ones removed', () => {
    expect(hrefWith('/request', { q: 'aws', after: 'c1', entitlement: 'github:admin' }, { after: 'c2', entitlement: undefined })).toBe(
      '/request?q=aws&after=c2',
    );
    expect(hrefWith('/access', { page: '2' }, { page: undefined })).toBe('/access');
  });
});
