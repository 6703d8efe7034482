import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../core/address/edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['gmail', 'gmail', 0],
    ['gmial', 'gmail', 1],
    ['gmal', 'gmail', 1],
    ['gmaill', 'gmail', 1],
    ['gnail', 'gmail', 1],
    ['t-onlien', 't-online', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['gmäil', 'gmail', 1],
    ['😀a', 'a😀', 1],
  ])('%j -> %j is %i', (from, to, distance) => {
    expect(editDistance(from, to)).toBe(distance);
    expect(editDistance(to, from)).toBe(distance);
  });
});
