import { describe, expect, it } from 'vitest';
import { checkDraft, fieldOf, percent, toDraft, type SettingsDraft } from './settings-form';

const valid: SettingsDraft = toDraft({ desiredRetention: 0.9, dailyNewLimit: 20, maximumIntervalDays: 36500, fuzz: true, timeZone: 'UTC' });

describe('checkDraft', () => {
  it('turns a valid draft into the settings to send', () => {
    expect(checkDraft({ ...valid, desiredRetention: '0.85', dailyNewLimit: ' 0 ', timeZone: ' Europe/Berlin ' }).settings).toEqual({
      desiredRetention: 0.85,
      dailyNewLimit: 0,
      maximumIntervalDays: 36500,
      fuzz: true,
      timeZone: 'Europe/Berlin',
    });
  });

  it('accepts the ends of every range', () => {
    expect(checkDraft({ ...valid, desiredRetention: '0.7', dailyNewLimit: '9999', maximumIntervalDays: '1' }).errors).toBeUndefined();
    expect(checkDraft({ ...valid, desiredRetention: '0.99', maximumIntervalDays: '36500' }).errors).toBeUndefined();
  });

  it('names every field out of range', () => {
    const { errors } = checkDraft({ desiredRetention: '0.6', dailyNewLimit: '-1', maximumIntervalDays: '36501', fuzz: false, timeZone: ' ' });

    expect(errors).toEqual({
      desiredRetention: 'Desired retention must be between 70% and 99%.',
      dailyNewLimit: 'New cards per day must be a whole number from 0 to 9999.',
      maximumIntervalDays: 'The maximum interval must be a whole number of days from 1 to 36,500.',
      timeZone: 'Enter a time zone, such as Europe/Berlin.',
    });
  });

  it('refuses fractions, empty fields and words where whole numbers go', () => {
    expect(Object.keys(checkDraft({ ...valid, dailyNewLimit: '2.5', maximumIntervalDays: '' }).errors ?? {})).toEqual([
      'dailyNewLimit',
      'maximumIntervalDays',
    ]);
    expect(checkDraft({ ...valid, dailyNewLimit: 'ten' }).errors?.dailyNewLimit).toBeTruthy();
    expect(checkDraft({ ...valid, desiredRetention: '' }).errors?.desiredRetention).toBeTruthy();
  });
});

describe('fieldOf', () => {
  it('finds the field a server detail names', () => {
    expect(fieldOf("timeZone 'Mars/Olympus' is not a known time zone (use an IANA name such as Europe/Berlin).")).toBe('timeZone');
    expect(fieldOf('dailyNewLimit must be between 0 and 9999.')).toBe('dailyNewLimit');
    expect(fieldOf('Send the settings to change as JSON.')).toBeNull();
  });
});

describe('percent', () => {
  it('shows retention as a whole percentage', () => {
    expect(percent('0.9')).toBe('90%');
    expect(percent('0.87')).toBe('87%');
  });
});
