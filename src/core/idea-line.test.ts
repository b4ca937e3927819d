import { describe, expect, it } from 'vitest';
import { areaNameKey } from './areas.js';
import { findTaggedArea, isBareAreaTag, parseIdeaLine } from './idea-line.js';

describe('parseIdeaLine', () => {
  it('takes a tag from the start or the end of the line', () => {
    expect(parseIdeaLine('#writing outline before drafting')).toEqual({
      area: 'writing',
      text: 'outline before drafting',
    });
    expect(parseIdeaLine('outline before drafting #writing')).toEqual({
      area: 'writing',
      text: 'outline before drafting',
    });
  });

  it('leaves a line without a tag, or with a # inside it, as it is', () => {
    expect(parseIdeaLine('read paper #3 first thing')).toEqual({ text: 'read paper #3 first thing' });
    expect(parseIdeaLine('plain idea')).toEqual({ text: 'plain idea' });
    expect(parseIdeaLine('#writing')).toEqual({ text: '#writing' });
  });

  it('knows a tag alone from a tagged idea', () => {
    expect(isBareAreaTag('#writing')).toBe(true);
    expect(isBareAreaTag('  #writing ')).toBe(true);
    expect(isBareAreaTag('#writing more')).toBe(false);
  });
});

describe('findTaggedArea', () => {
  const areas = [
    { id: 'writing', name: 'Writing' },
    { id: 'work-environment-focus', name: 'Work environment & focus' },
    { id: 'my-own', name: 'Reading' },
  ];

  it('matches an id exactly, or a name the way the service keys names', () => {
    expect(findTaggedArea(areas, 'work-environment-focus')?.name).toBe('Work environment & focus');
    expect(findTaggedArea(areas, 'WRITING')?.id).toBe('writing');
    expect(findTaggedArea(areas, 'reading')?.id).toBe('my-own');
    expect(findTaggedArea(areas, 'nope')).toBeUndefined();
  });

  it('keys names as the area service does', () => {
    for (const typed of [' Writing ', 'work  ENVIRONMENT & focus', 'READING', 'writing!'])
      expect(findTaggedArea(areas, typed)?.id).toBe(
        areas.find((a) => areaNameKey(a.name) === areaNameKey(typed) || a.id === typed.trim())?.id,
      );
  });
});
