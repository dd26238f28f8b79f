import { describe, expect, it } from 'vitest';
import { mayRunFaceToFace } from './faceToFace';

describe('mayRunFaceToFace', () => {
  it('keeps 2021 online, face-to-face only when an employer runs it', () => {
    expect(mayRunFaceToFace(2021, false)).toBe(false);
    expect(mayRunFaceToFace(2021, true)).toBe(true);
  });

  it('allows face-to-face in the other years', () => {
    expect(mayRunFaceToFace(2022, false)).toBe(true);
    expect(mayRunFaceToFace(2020, false)).toBe(true);
  });
});
