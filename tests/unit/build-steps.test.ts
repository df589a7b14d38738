/**
 * The build's steps (scripts/build/pipeline.ts): every stage runs in exactly one
 * step, in the order of STAGE_NAMES; stages that run together count once in the
 * wall time the bench reports; the convert's heap limit follows the machine.
 */
import { describe, expect, it } from 'vitest';
import { convertHeapFlag, STAGE_NAMES, STEPS, wallSecondsOf } from '../../scripts/build/pipeline.ts';
import type { StageResult } from '../../scripts/build/run-stage.ts';

const stage = (name: string, seconds: number): StageResult => ({ name, seconds, ok: true, exitCode: 0, signal: null, peakRssBytes: null, rssMethod: 'none' });

describe('build steps', () => {
  it('hold every stage once, in the stage order', () => {
    // Each stage reads what the ones before wrote: pdf prints the pages before the USB edition copies them.
    expect(STAGE_NAMES).toEqual(['convert', 'astro', 'pagefind', 'pdf', 'urls', 'usb']);
    expect(new Set(STAGE_NAMES).size).toBe(STAGE_NAMES.length);
    // urls only reads dist; usb writes its own folder: the only stages that share a step.
    expect(STEPS.filter((step) => step.length > 1)).toEqual([['urls', 'usb']]);
  });

  it('count stages that ran together once, by the longest', () => {
    const stages = [stage('convert', 10), stage('astro', 30), stage('pagefind', 8), stage('urls', 3), stage('usb', 9)];
    expect(wallSecondsOf(stages, ['usb', 'urls'])).toBe(9);
    expect(wallSecondsOf(stages, ['urls'])).toBe(3);
    expect(wallSecondsOf(stages, ['convert', 'astro'])).toBe(40);
    expect(wallSecondsOf(stages, [...STAGE_NAMES])).toBe(57);
  });

  it('give the convert half the machine memory as its heap, never less than V8 default of 4 GB', () => {
    expect(convertHeapFlag(24 * 1024 ** 3)).toBe('--max-old-space-size=12288');
    expect(convertHeapFlag(4 * 1024 ** 3)).toBe('--max-old-space-size=4096');
  });
});
