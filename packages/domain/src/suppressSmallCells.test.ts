import { describe, expect, it } from 'vitest';
import { MIN_LEARNERS_PER_CELL, suppressSmallCells } from './suppressSmallCells';
import type { FactCell } from './suppressSmallCells';

/** A cell of `count` distinct learners named `prefix`1…`prefix`count. */
const cell = (coordinates: string[], count: number, prefix = coordinates.join('/')): FactCell => ({
  coordinates,
  learnerIds: Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`),
});

describe('suppressSmallCells', () => {
  it('withholds a group of 4 distinct learners and publishes one of 5', () => {
    expect(MIN_LEARNERS_PER_CELL).toBe(5);
    expect(suppressSmallCells([cell([], 4)])).toEqual([true]);
    expect(suppressSmallCells([cell([], 5)])).toEqual([false]);
  });

  it('counts learners, not registrations: one learner registered five times is still one', () => {
    const repeated: FactCell = { coordinates: [], learnerIds: ['a', 'a', 'a', 'a', 'a', 'b', 'c', 'd'] };
    expect(suppressSmallCells([repeated])).toEqual([true]);
  });

  it('withholds the next smallest cell too, so the grand total less the published cells is no small group', () => {
    const cells = [cell(['sjtu'], 20), cell(['shu'], 3), cell(['association'], 7), cell(['engineers-society'], 9)];
    expect(suppressSmallCells(cells)).toEqual([false, true, true, false]);
  });

  it('needs no second cell when the withheld cells together already describe 5 learners', () => {
    const cells = [cell(['sjtu'], 20), cell(['shu'], 3), cell(['association'], 2), cell(['engineers-society'], 9)];
    expect(suppressSmallCells(cells)).toEqual([false, true, true, false]);
  });

  it('counts a learner in two withheld cells once when judging what they reveal together', () => {
    const cells: FactCell[] = [
      { coordinates: ['2021-03'], learnerIds: ['a', 'b', 'c'] },
      { coordinates: ['2021-04'], learnerIds: ['a', 'b', 'c', 'd'] },
      cell(['2021-05'], 6),
      cell(['2021-06'], 8),
    ];
    expect(suppressSmallCells(cells)).toEqual([true, true, true, false]);
  });

  it('protects every row, column and the grand total of a two-way table, so no withheld cell can be peeled off', () => {
    // institution × category; only sjtu/ELECTIVE is small.
    const cells = [
      cell(['sjtu', 'REQUIRED'], 30),
      cell(['sjtu', 'ELECTIVE'], 2),
      cell(['shu', 'REQUIRED'], 12),
      cell(['shu', 'ELECTIVE'], 10),
    ];
    const withheld = suppressSmallCells(cells);
    // Withholding sjtu/REQUIRED alone would let column REQUIRED less shu/REQUIRED give it, and then row
    // sjtu less it give sjtu/ELECTIVE: every row and column keeps two withheld cells instead.
    expect(withheld).toEqual([true, true, true, true]);
  });

  it('withholds nothing more where a two-way table can hide its small cell among enough others', () => {
    const cells = [
      cell(['sjtu', 'REQUIRED'], 30),
      cell(['sjtu', 'ELECTIVE'], 2),
      cell(['shu', 'REQUIRED'], 12),
      cell(['shu', 'ELECTIVE'], 10),
      cell(['association', 'REQUIRED'], 40),
      cell(['association', 'ELECTIVE'], 50),
    ];
    const withheld = suppressSmallCells(cells);
    expect(withheld).toEqual([true, true, true, true, false, false]);
    const groups = [
      [0, 1],
      [2, 3],
      [4, 5],
      [0, 2, 4],
      [1, 3, 5],
      [0, 1, 2, 3, 4, 5],
    ];
    for (const group of groups) {
      const hidden = group.filter((index) => withheld[index]);
      const learners = new Set(hidden.flatMap((index) => cells[index]?.learnerIds ?? [])).size;
      expect(hidden.length === 0 || (hidden.length >= 2 && learners >= 5)).toBe(true);
    }
  });

  it('leaves a table without small cells untouched', () => {
    const cells = [cell(['a', 'x'], 5), cell(['a', 'y'], 6), cell(['b', 'x'], 50)];
    expect(suppressSmallCells(cells)).toEqual([false, false, false]);
  });

  it('decides the same whatever order the cells come in', () => {
    const cells = [cell(['a'], 2), cell(['b'], 6), cell(['c'], 6), cell(['d'], 9)];
    const forward = suppressSmallCells(cells);
    const backward = suppressSmallCells([...cells].reverse()).reverse();
    expect(forward).toEqual([true, true, false, false]);
    expect(backward).toEqual(forward);
  });

  it('withholds everything in a group that cannot reach 5 learners even together', () => {
    expect(suppressSmallCells([cell(['a'], 1), cell(['b'], 2)])).toEqual([true, true]);
  });

  it('decides the same from counted cells that name only the learners of cells below the minimum', () => {
    const counted = (coordinates: string[], learners: number): FactCell => ({ coordinates, learnerIds: [], learners });
    const named = (coordinates: string[], learnerIds: string[]): FactCell => ({
      coordinates,
      learnerIds,
      learners: learnerIds.length,
    });
    expect(
      suppressSmallCells([
        counted(['sjtu'], 20),
        named(['shu'], ['a', 'b', 'c']),
        counted(['association'], 7),
        counted(['engineers-society'], 9),
      ]),
    ).toEqual([false, true, true, false]);
    // The two small cells share three learners: four in all, so the smallest counted cell is withheld too.
    expect(
      suppressSmallCells([
        named(['2021-03'], ['a', 'b', 'c']),
        named(['2021-04'], ['a', 'b', 'c', 'd']),
        counted(['2021-05'], 6),
        counted(['2021-06'], 8),
      ]),
    ).toEqual([true, true, true, false]);
  });

  it('answers nothing for no cells, and refuses ragged cells or a minimum below 1', () => {
    expect(suppressSmallCells([])).toEqual([]);
    expect(() => suppressSmallCells([cell(['a'], 5), cell(['a', 'b'], 5)])).toThrow(RangeError);
    expect(() => suppressSmallCells([cell(['a'], 5)], 0)).toThrow(RangeError);
  });
});
