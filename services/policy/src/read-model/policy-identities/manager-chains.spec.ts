import { managerChainsOf } from './manager-chains';

describe('manager chains in memory', () => {
  it('given a hierarchy, when chains are asked in any order, then each lists the managers above, nearest first', () => {
    const chainOf = managerChainsOf(
      new Map([
        ['1', null],
        ['2', '1'],
        ['3', '2'],
        ['4', '3'],
        ['5', '2'],
      ]),
    );
    expect(chainOf('4')).toEqual(['3', '2', '1']);
    expect(chainOf('3')).toEqual(['2', '1']);
    expect(chainOf('5')).toEqual(['2', '1']);
    expect(chainOf('1')).toEqual([]);
  });

  it('given a manager policy does not know, when a chain reaches them, then it keeps them and stops', () => {
    const chainOf = managerChainsOf(
      new Map([
        ['7', '6'],
        ['8', '7'],
      ]),
    );
    expect(chainOf('8')).toEqual(['7', '6']);
  });

  it('given HR data with a cycle, when chains are asked, then each walk stops before repeating anyone', () => {
    const chainOf = managerChainsOf(
      new Map([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'a'],
      ]),
    );
    expect(chainOf('a')).toEqual(['b', 'c']);
    expect(chainOf('b')).toEqual(['c', 'a']);
    expect(chainOf('d')).toEqual(['a', 'b', 'c']);
    expect(chainOf('c')).toEqual(['a', 'b']);
  });
});
