import { describe, expect, it } from 'vitest';
import { foldForSearch } from './fold';

describe('foldForSearch', () => {
  it('folds case and the accents of Latin letters (French, German, Polish, Czech)', () => {
    expect(foldForSearch('Café à Évian, déjà vu')).toBe('cafe a evian, deja vu');
    expect(foldForSearch('Zürich Größe STRASSE Straße')).toBe('zurich grosse strasse strasse');
    expect(foldForSearch('Łódź, Gdańsk, żółć')).toBe('lodz, gdansk, zolc');
    expect(foldForSearch('Dvořák')).toBe('dvorak');
  });

  it('folds letters whose stroke is part of their shape', () => {
    expect(foldForSearch('Søren Ærø Œuvre Þór')).toBe('soren aero oeuvre thor');
  });

  it('folds Turkish dotless and dotted i to i', () => {
    expect(foldForSearch('İstanbul ıslak Işık')).toBe('istanbul islak isik');
  });

  it('folds Cyrillic case and ё/й to е/и', () => {
    expect(foldForSearch('Ёжик в Тумане')).toBe('ежик в тумане');
    expect(foldForSearch('Сергей')).toBe(foldForSearch('сергеи'));
  });

  it('folds Greek case, tonos and final sigma', () => {
    expect(foldForSearch('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldForSearch('οδός')).toBe('οδοσ');
    expect(foldForSearch('Αθήνα')).toBe(foldForSearch('ΑΘΗΝΑ'));
  });

  it('folds full-width letters and decomposed accents to the plain ones', () => {
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(foldForSearch('cafe\u0301')).toBe('cafe');
  });

  it('keeps the marks that make other letters: Japanese voicing, Thai vowels', () => {
    expect(foldForSearch('が')).not.toBe(foldForSearch('か'));
    expect(foldForSearch('ガ')).toBe('ガ');
    expect(foldForSearch('ข้าว')).toBe('ข้าว');
    expect(foldForSearch('日本語')).toBe('日本語');
  });

  it('leaves emoji as they are', () => {
    expect(foldForSearch('Hi 👍🏽 🇳🇿')).toBe('hi 👍🏽 🇳🇿');
  });
});
